package dev.insight.examples.cli.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.coding.Provenance;
import dev.insight.codeframe.coding.UnitId;
import dev.insight.codeframe.interchange.CodingCsv;
import dev.insight.codeframe.interchange.CodedFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review page's JSON API, over HTTP on the loopback interface. */
class ReviewApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir
  Path dir;
  private Path coded;
  private ReviewState review;
  private ReviewServer server;

  @BeforeEach
  void start() {
    coded = dir.resolve("review.csv");
    review = ReviewFixture.state(coded, 6);
    server = new ReviewServer(review, 0);
  }

  @AfterEach
  void stop() {
    server.close();
    review.close();
  }

  @Test
  void nextThenCode_savesTheDecisionAtOnceWithTheCoderAsProvenance() throws Exception {
    JsonNode next = get("/api/next?tab=t1");
    String id = next.path("id").asText();

    HttpResponse<String> saved = post("/api/code", "{\"id\":\"" + id + "\",\"codes\":[\"parking\"],"
        + "\"coder\":\"ann\"}", null);

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    Coding file = CodedFileReader.read(coded, ReviewFixture.FRAME);
    assertThat(file.codes(UnitId.of(id))).containsExactly(CodeId.of("parking"));
    Provenance who = file.assignments(UnitId.of(id)).get(0).provenance();
    assertThat(who).isInstanceOf(Provenance.Human.class);
    assertThat(who.source()).isEqualTo("ann");
    JsonNode progress = get("/api/progress");
    assertThat(progress.path("byPeople").asInt()).isEqualTo(1);
    assertThat(progress.path("byPerson").path("ann").asInt()).isEqualTo(1);
    assertThat(progress.path("remaining").asInt()).isEqualTo(59);
  }

  @Test
  void twoTabs_getDifferentComments_andBothDecisionsAreKept() throws Exception {
    String first = get("/api/next?tab=a").path("id").asText();
    String second = get("/api/next?tab=b").path("id").asText();
    assertThat(first).isNotEqualTo(second);
    assertThat(get("/api/next?tab=a").path("id").asText()).as("a tab keeps its comment until it codes it")
        .isEqualTo(first);

    post("/api/code", "{\"id\":\"" + second + "\",\"codes\":[\"attitude\"],\"coder\":\"bob\"}", null);
    post("/api/code", "{\"id\":\"" + first + "\",\"codes\":[],\"coder\":\"ann\"}", null);

    Coding file = CodedFileReader.read(coded, ReviewFixture.FRAME);
    assertThat(file.units()).containsExactlyInAnyOrder(UnitId.of(first), UnitId.of(second));
    assertThat(file.codes(UnitId.of(first))).isEmpty();
  }

  @Test
  void restart_resumesFromTheCodedFile() throws Exception {
    String id = get("/api/next?tab=t").path("id").asText();
    post("/api/code", "{\"id\":\"" + id + "\",\"codes\":[\"parking\"],\"coder\":\"ann\"}", null);
    server.close();
    review.close();

    review = ReviewFixture.state(coded, 6);
    server = new ReviewServer(review, 0);

    assertThat(get("/api/progress").path("byPeople").asInt()).isEqualTo(1);
    Set<String> offered = new HashSet<>();
    for (int i = 0; i < 59; i++) {
      offered.add(get("/api/next?tab=t" + i).path("id").asText());
    }
    assertThat(offered).hasSize(59).doesNotContain(id);
    assertThat(get("/api/next?tab=late").path("done").asBoolean()).isTrue();
  }

  @Test
  void afterEnoughDecisions_nextCarriesTheModelsSuggestionWithConfidence() throws Exception {
    for (int i = 0; i < 6; i++) {
      String id = get("/api/next?tab=t").path("id").asText();
      String code = ReviewFixture.truth(UnitId.of(id)).value();
      post("/api/code", "{\"id\":\"" + id + "\",\"codes\":[\"" + code + "\"],\"coder\":\"ann\"}", null);
    }
    review.awaitTraining(Duration.ofSeconds(30));

    JsonNode next = get("/api/next?tab=t");

    JsonNode suggestion = next.path("suggestion");
    assertThat(suggestion.isObject()).as(next.toString()).isTrue();
    String expected = ReviewFixture.truth(UnitId.of(next.path("id").asText())).value();
    assertThat(suggestion.path("codes").get(0).asText()).isEqualTo(expected);
    assertThat(suggestion.path("probabilities").path(expected).asDouble()).isBetween(0.5, 1.0);
    assertThat(suggestion.path("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(get("/api/progress").path("modelTrainedOn").asInt()).isEqualTo(6);
  }

  @Test
  void aModelOnFewComments_ordersThem_butSuggestsNothingUntilEnoughAreCoded() throws Exception {
    server.close();
    review.close();
    // trained after 3 decisions, then after 10 more (CodingSchedule.retrainAfter): suggestions from the second model
    review = ReviewFixture.state(coded, 3, 13);
    server = new ReviewServer(review, 0);
    for (int i = 0; i < 3; i++) {
      codeTheNextAsThePersonWould();
    }
    review.awaitTraining(Duration.ofSeconds(30));

    JsonNode early = get("/api/next?tab=t");
    assertThat(get("/api/progress").path("modelTrainedOn").asInt()).as("the model orders from 3").isEqualTo(3);
    assertThat(early.path("suggestion").isNull()).as(early.toString()).isTrue();
    assertThat(early.path("progress").path("byModel").asInt()).isZero();

    for (int i = 0; i < 10; i++) {
      codeTheNextAsThePersonWould();
    }
    review.awaitTraining(Duration.ofSeconds(30));

    JsonNode later = get("/api/next?tab=t");
    assertThat(later.path("suggestion").isObject()).as(later.toString()).isTrue();
    assertThat(later.path("progress").path("modelTrainedOn").asInt()).isEqualTo(13);
  }

  private void codeTheNextAsThePersonWould() throws Exception {
    String id = get("/api/next?tab=t").path("id").asText();
    String code = ReviewFixture.truth(UnitId.of(id)).value();
    post("/api/code", "{\"id\":\"" + id + "\",\"codes\":[\"" + code + "\"],\"coder\":\"ann\"}", null);
  }

  @Test
  void badDecisions_areRefusedWithTheirReason_andNothingIsSaved() throws Exception {
    String id = get("/api/next?tab=t").path("id").asText();

    assertThat(post("/api/code", "{\"id\":\"" + id + "\",\"codes\":[\"food\"],\"coder\":\"ann\"}", null).body())
        .contains("food is not a code of the codeframe visits");
    assertThat(post("/api/code", "{\"id\":\"" + id + "\",\"codes\":[\"staff\"],\"coder\":\"ann\"}", null).body())
        .contains("staff is a net: give the codes under it");
    assertThat(post("/api/code", "{\"id\":\"" + id + "\",\"codes\":[\"none\",\"parking\"],\"coder\":\"ann\"}",
        null).statusCode()).isEqualTo(400);
    assertThat(post("/api/code", "{\"id\":\"" + id + "\",\"codes\":[\"parking\"]}", null).body())
        .contains("\\\"coder\\\" is needed");
    assertThat(post("/api/code", "{\"id\":\"nobody\",\"codes\":[],\"coder\":\"ann\"}", null).body())
        .contains("no comment with id nobody");
    assertThat(post("/api/code", "{\"id\":", null).body()).contains("malformed JSON");
    assertThat(coded).doesNotExist();
  }

  @Test
  void anotherOrigin_isRefused() throws Exception {
    HttpResponse<String> response = post("/api/code", "{\"id\":\"r1\",\"codes\":[],\"coder\":\"eve\"}",
        "http://evil.example");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("requests from another origin (http://evil.example) are not accepted");
    assertThat(coded).doesNotExist();
  }

  @Test
  void postThatIsNotJson_isRefused() throws Exception {
    HttpRequest form = HttpRequest.newBuilder(uri("/api/code"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("id=r1&codes=&coder=eve")).build();

    HttpResponse<String> response = http.send(form, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(coded).doesNotExist();
  }

  @Test
  void anotherHostName_isRefused_soDnsRebindingCannotReachIt() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/progress HTTP/1.1\r\nHost: attacker.example:" + server.port()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 403").contains("only requests addressed to 127.0.0.1:");
    }
  }

  @Test
  void page_loadsNothingFromElsewhere() throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'",
        "script-src 'self'");
    assertThat(page.body()).contains("src=\"/review.js\"").doesNotContain("http://", "https://");
    for (String asset : new String[] {"/review.js", "/review.css"}) {
      String body = http.send(HttpRequest.newBuilder(uri(asset)).build(), HttpResponse.BodyHandlers.ofString())
          .body();
      assertThat(body).doesNotContain("http://", "https://", "innerHTML");
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String path, String body, String origin) throws IOException,
      InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
