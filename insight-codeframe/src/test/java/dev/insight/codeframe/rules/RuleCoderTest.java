package dev.insight.codeframe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.Reserved;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RuleCoderTest {

  private static CodeId c(String id) {
    return CodeId.of(id);
  }

  /** One code "x" with this rule, so a test reads as rule -> comment -> matched?. */
  private static boolean matches(String rule, String comment) {
    Codeframe frame = Codeframe.builder("f").add(Code.builder(c("x"), "X").rule(rule).build()).build();
    RuleCoder coder = RuleCoder.of(frame);
    boolean indexed = coder.count(comment) == 1;
    assertThat(coder.countWithoutIndex(comment)).as("the index must not change the result").isEqualTo(indexed ? 1 : 0);
    return indexed;
  }

  @ParameterizedTest(name = "{0} on \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', value = {
      "wait | We waited for hours | true",
      "waiting | the wait was long | true",
      "rude | The RECEPTIONIST was Rude. | true",
      "cafe | Lovely café downstairs | true",
      "café | the cafe was shut | true",
      "staff | the staff's attitude | true",
      "\"waiting list\" | on the waiting list for months | true",
      "\"waiting list\" | waiting on a list | false",
      "\"list waiting\" | the waiting list | false",
      "nurs* | the nurses were lovely | true",
      "nurs* | nursing care | true",
      "nurs* | a purse was lost | false",
      "happy* | very happy indeed | true",
      "happy* | happiness | false",
      "happi* | very happy indeed | false",
      "easy* | it was easy | true",
      "staff AND rude | staff were rude | true",
      "staff AND rude | staff were kind | false",
      "staff rude | rude staff | true",
      "rude OR abrupt | the doctor was abrupt | true",
      "staff NOT agency | agency staff were fine | false",
      "staff NOT agency | staff were fine | true",
      "NOT staff | parking was dreadful | true",
      "(rude OR abrupt) AND (nurs* OR doctor) | the doctor was abrupt | true",
      "(rude OR abrupt) AND (nurs* OR doctor) | the porter was abrupt | false",
      "wait NEAR/2 phone | waited on the phone | true",
      "wait NEAR/2 phone | waited for ages and then on the phone | false",
      "phone NEAR/2 wait | waited on the phone | true",
      "\"waiting list\" NEAR/3 (long OR months) | months on the waiting list | true",
      "not AND good | it was not good | true",
      "and | this and that | true",
  })
  void rule_matchesComment(String rule, String comment, boolean expected) {
    assertThat(matches(rule, comment)).isEqualTo(expected);
  }

  @Test
  void match_explainsRuleAndWordsAsWrittenInTheComment() {
    Codeframe frame = Codeframe.builder("f")
        .add(Code.builder(c("wa"), "Waiting").rule("wait* NEAR/3 (appointment OR phone)").build())
        .add(Code.builder(c("sa"), "Attitude").rule("(rude OR abrupt) OR (staff AND lovely)").build())
        .build();
    RuleCoder coder = RuleCoder.of(frame);

    List<RuleMatch> matches = coder.match("Waiting for my Appointment took ages; staff were rude.");

    assertThat(matches).containsExactly(
        new RuleMatch(c("wa"), "wait* NEAR/3 (appointment OR phone)", List.of("Waiting", "Appointment")),
        new RuleMatch(c("sa"), "(rude OR abrupt) OR (staff AND lovely)", List.of("rude")));
  }

  @Test
  void code_buildsCodingWithRuleProvenance() {
    Codeframe frame = Codeframe.builder("f")
        .add(Code.builder(c("sa"), "Attitude").rule("rude").build())
        .build();
    Map<UnitId, String> comments = new LinkedHashMap<>();
    comments.put(UnitId.of("r1"), "so rude");
    comments.put(UnitId.of("r2"), "fine");
    Instant at = Instant.parse("2026-11-23T00:00:00Z");

    Coding coding = RuleCoder.of(frame).code(comments, at);

    assertThat(coding.units()).containsExactly(UnitId.of("r1"), UnitId.of("r2"));
    assertThat(coding.codes(UnitId.of("r2"))).isEmpty();
    assertThat(coding.assignment(UnitId.of("r1"), c("sa")).orElseThrow().provenance())
        .isEqualTo(new Provenance.Rule("rude", List.of("rude"), at));
  }

  @Test
  void noneCodes_keptOnlyWithoutOtherCodes_andBlankGetsNoAnswer() {
    Codeframe frame = Codeframe.builder("f")
        .add(Code.builder(c("sa"), "Attitude").rule("rude").build())
        .add(Code.builder(c("dk"), "Don't know").reserved(Reserved.DONT_KNOW).rule("\"don't know\" OR unsure").build())
        .add(Code.builder(c("na"), "No answer").reserved(Reserved.NO_ANSWER).rule("n/a OR nothing").build())
        .build();
    RuleCoder coder = RuleCoder.of(frame);

    assertThat(coder.codes("I don't know, staff were rude")).containsExactly(c("sa"));
    assertThat(coder.codes("I don't know, nothing really")).containsExactly(c("dk"));
    assertThat(coder.codes("   ")).containsExactly(c("na"));
    assertThat(coder.match("")).containsExactly(new RuleMatch(c("na"), "(blank)", List.of()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "staff AND | 7 | 'AND' needs a word, \"phrase\", prefix* or '(' after it",
      "NOT | 1 | 'NOT' needs a word, \"phrase\", prefix* or '(' after it",
      "(rude OR abrupt | 16 | expected ')' to close the '(' at position 1 but found end of rule",
      "rude) | 5 | ')' without a matching '('",
      "\"waiting list | 1 | unclosed quote",
      "wait NEAR phone | 6 | NEAR needs a distance in words, such as NEAR/5, not 'NEAR'",
      "n*rse | 2 | '*' may only end a word (a prefix such as nurs*)",
      "* | 1 | '*' needs a prefix before it (such as nurs*)",
      "(staff AND rude) NEAR/3 wait | 18 | NEAR joins words, phrases, prefixes or (a OR b) groups, not AND or NOT",
      "staff OR OR rude | 10 | expected a word, \"phrase\", prefix* or '(' but found 'OR'",
      "'' | 1 | the rule is empty",
      "staff AND ... | 11 | '...' has no letters or digits to match",
  })
  void syntaxError_namesCodeAndPosition(String rule, int position, String problem) {
    Codeframe frame = Codeframe.builder("f").add(Code.builder(c("sa"), "Attitude").build()).build();

    assertThatThrownBy(() -> RuleCoder.of(frame, Map.of(c("sa"), rule)))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessage("code sa: rule syntax error at position " + position + ": " + problem + " in rule '" + rule + "'")
        .satisfies(e -> assertThat(((RuleSyntaxException) e).position()).isEqualTo(position));
  }

  static Stream<Arguments> hostileNesting() {
    return Stream.of(
        Arguments.of("(".repeat(20_000) + "wait" + ")".repeat(20_000), 101),
        Arguments.of("NOT ".repeat(20_000) + "wait", 401),
        Arguments.of("wait" + " NEAR/1 wait".repeat(20_000), 1194),
        Arguments.of("(NOT ".repeat(10_000) + "wait" + ")".repeat(10_000), 251));
  }

  @ParameterizedTest
  @MethodSource("hostileNesting")
  void hostileNesting_refusedAtTheLimitNamingPositionAndProperty(String rule, int position) {
    Codeframe frame = Codeframe.builder("f").add(Code.builder(c("sa"), "Attitude").build()).build();

    assertThatThrownBy(() -> RuleCoder.of(frame, Map.of(c("sa"), rule)))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessage("code sa: rule syntax error at position " + position + ": the rule nests deeper than 100 levels "
            + "(parentheses, NOT and chained NEAR); simplify it, or if it is meant, raise the limit with "
            + "-Dinsight.parse.maxDepth=N in rule '" + rule.substring(0, 200) + "... (" + rule.length()
            + " characters)'");
  }

  @Test
  void nestingWithinTheLimit_parsesAndMatches() {
    String rule = "(".repeat(99) + "wait" + ")".repeat(99) + " AND " + "NOT ".repeat(49) + "rude";

    assertThat(matches(rule, "the wait was long")).isTrue();
  }

  /**
   * The inverted index must never change a result: 300 random rules in every construct, from the words of the real
   * comments, give the same codes with and without the index on every real comment of the fixture.
   */
  @Test
  void index_randomRulesOnRealComments_sameCodesAsEvaluatingEveryRule() throws Exception {
    List<String> comments = new java.util.ArrayList<>();
    try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(new java.io.InputStreamReader(
        RuleCoderTest.class.getResourceAsStream("/patient-feedback/fft-two-level-excerpt.csv"),
        java.nio.charset.StandardCharsets.UTF_8))) {
      csv.forEach(row -> comments.add(row.getField("feedback")));
    }
    List<String> words = comments.stream().flatMap(c -> java.util.Arrays.stream(
        c.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+"))).filter(w -> w.length() >= 3).distinct().toList();
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    Codeframe.Builder frame = Codeframe.builder("random");
    String[] templates = {"%s OR %s", "\"%s %s\"", "%s* AND NOT %s", "%s NEAR/3 (%s OR nurse*)", "NOT (%s OR %s)",
        "(%s AND %s) OR staff", "%s NEAR/1 %s NEAR/4 care"};
    for (int i = 0; i < 300; i++) {
      String a = words.get(random.nextInt(words.size()));
      String b = words.get(random.nextInt(words.size()));
      String template = templates[i % templates.length];
      String rule = template.contains("*") && template.startsWith("%s*")
          ? String.format(java.util.Locale.ROOT, template, a.substring(0, 3), b)
          : String.format(java.util.Locale.ROOT, template, a, b);
      frame.add(Code.builder(c("r" + i), "R" + i).rule(rule).build());
    }
    RuleCoder coder = RuleCoder.of(frame.build());

    int total = 0;
    for (String comment : comments) {
      assertThat(coder.countWithoutIndex(comment)).as(comment).isEqualTo(coder.count(comment));
      total += coder.count(comment);
    }
    assertThat(total).as("the rules must match something for the test to mean anything").isGreaterThan(100);
  }

  /**
   * A comment gets the same codes however often it is coded and whatever was coded before it on the thread: the
   * per-thread word cache is keyed by the folded word, which stemming in place once replaced by its stem ("happy"
   * became "happi"), so one comment's words changed how another's were read.
   */
  @Test
  void codes_sameCommentAfterOthers_sameCodesEveryTime() {
    Codeframe frame = Codeframe.builder("f")
        .add(Code.builder(c("h"), "Happy").rule("happy*").build())
        .add(Code.builder(c("i"), "Happi").rule("happi*").build())
        .build();
    RuleCoder coder = RuleCoder.of(frame);

    List<CodeId> first = coder.codes("happy");
    coder.codes("happi happy");
    List<RuleMatch> matches = coder.match("happy");

    assertThat(first).containsExactly(c("h"));
    assertThat(coder.codes("happy")).containsExactly(c("h"));
    assertThat(matches).extracting(RuleMatch::code).containsExactly(c("h"));
    assertThat(coder.codes("happi")).containsExactly(c("i"));
  }

  @Test
  void of_ruleForUnknownCode_failsNamingIt() {
    Codeframe frame = Codeframe.builder("f").add(Code.of("sa", "Attitude")).build();

    assertThatThrownBy(() -> RuleCoder.of(frame, Map.of(c("zz"), "rude")))
        .hasMessage("rule for unknown code zz (not in codeframe f)");
  }
}
