package dev.insight.examples.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insight.codeframe.agreement.AgreementReport;
import dev.insight.codeframe.agreement.CodeAgreement;
import dev.insight.core.programme.Audience;
import dev.insight.core.programme.Programme;
import dev.insight.core.redact.RedactionPolicy;
import dev.insight.stats.estimate.Estimate;
import dev.insight.stats.table.BannerTable;
import dev.insight.stats.table.TableFormat;
import dev.insight.stats.table.TableWriter;
import dev.insight.stats.design.WeightingReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The analysis as JSON, built node by node so that the keys come in a fixed order, absent values are {@code null}
 * (never a string such as "NaN") and the banner tables are exactly what {@code insight table --out t.json} writes.
 * The shape is described by the JSON Schema shipped with {@link JsonOutputs}.
 */
final class AnalysisJson {
  private final ObjectNode root = JsonOutputs.root("analysis");

  void programme(Programme programme) {
    ObjectNode node = root.putObject("programme");
    node.put("id", programme.id().value());
    node.put("title", programme.title());
    node.putObject("period").put("start", programme.period().start().toString())
        .put("end", programme.period().end().toString());
    ObjectNode activities = node.putObject("activities");
    programme.activityCounts().forEach(activities::put);
    ArrayNode missing = node.putArray("referenceGroupsNotReached");
    programme.notReached().stream().map(Audience::name).forEach(missing::add);
  }

  void survey(int respondents, List<WeightingReport> weighting, String choiceVariable, String choiceQuestion,
      List<SurveyAnalysis.Row> choices, String commentVariable, String commentQuestion, int commenters,
      CodingMethod coding, List<SurveyAnalysis.Row> codes, BannerTable tables) {
    ObjectNode node = root.putObject("survey");
    node.put("respondents", respondents);
    JsonOutputs.weighting(node.putObject("weighting"), weighting);
    ObjectNode question = node.putObject("question");
    question.put("variable", choiceVariable);
    question.put("text", choiceQuestion);
    rows(question.putArray("rows"), choices);
    ObjectNode comments = node.putObject("comments");
    comments.put("variable", commentVariable);
    comments.put("text", commentQuestion);
    comments.put("commenters", commenters);
    ObjectNode codedBy = comments.putObject("codedBy");
    codedBy.put("recorded", coding.recorded());
    codedBy.put("person", coding.person());
    codedBy.put("rules", coding.rules());
    codedBy.put("model", coding.model());
    codedBy.put("uncoded", coding.uncoded());
    rows(comments.putArray("rows"), codes);
    node.set("tables", table(tables));
  }

  void machineCoding(@Nullable MachineCoding machine) {
    if (machine == null) {
      root.putNull("machineCoding");
      return;
    }
    ObjectNode node = root.putObject("machineCoding");
    node.put("comments", machine.comments());
    node.put("codedByMachine", machine.codedByMachine());
    JsonOutputs.number(node, "coverage", machine.coverage());
    ArrayNode byCode = node.putArray("byCode");
    for (MachineCoding.CodeCount c : machine.byCode()) {
      byCode.addObject().put("code", c.code()).put("label", c.label()).put("person", c.by().person())
          .put("rules", c.by().rule()).put("model", c.by().model());
    }
    ArrayNode never = node.putArray("neverAssigned");
    machine.neverAssigned().forEach(never::add);
    if (Double.isNaN(machine.validatedCoverage())) {
      node.putNull("crossValidation");
    } else {
      ObjectNode cv = node.putObject("crossValidation");
      JsonOutputs.number(cv, "coverage", machine.validatedCoverage());
      JsonOutputs.number(cv, "precision", machine.expectedPrecision());
      JsonOutputs.number(cv, "recall", machine.expectedRecall());
    }
    AgreementReport check = machine.check();
    if (check == null) {
      node.putNull("check");
    } else {
      ObjectNode checked = node.putObject("check");
      checked.put("comments", check.unitsCompared());
      JsonOutputs.number(checked, "kappa", check.kappa());
      JsonOutputs.number(checked, "percentAgreement", check.percentAgreement());
      JsonOutputs.number(checked, "exactMatch", check.exactMatch());
      ArrayNode codes = checked.putArray("codes");
      for (CodeAgreement c : check.codes()) {
        ObjectNode code = codes.addObject();
        code.put("code", c.code().value());
        code.put("label", c.label());
        code.put("both", c.both());
        code.put("personOnly", c.onlyFirst());
        code.put("machineOnly", c.onlySecond());
        code.put("neither", c.neither());
        JsonOutputs.number(code, "percentAgreement", c.percentAgreement());
        JsonOutputs.number(code, "kappa", c.kappa());
      }
    }
  }

  void redaction(RedactionPolicy redaction) {
    root.put("redacted", redaction.redacts());
    if (redaction.redacts()) {
      root.putNull("internalUseOnly");
    } else {
      root.put("internalUseOnly", redaction.internalUseReason().orElse(""));
    }
  }

  private static void rows(ArrayNode array, List<SurveyAnalysis.Row> rows) {
    for (SurveyAnalysis.Row row : rows) {
      ObjectNode node = array.addObject();
      node.put("code", row.code());
      node.put("label", row.label());
      node.put("count", row.count());
      node.put("base", row.base());
      JsonOutputs.number(node, "unweightedShare", row.unweightedShare());
      Estimate e = row.estimate();
      ObjectNode estimate = node.putObject("estimate");
      JsonOutputs.number(estimate, "value", e.value());
      JsonOutputs.number(estimate, "standardError", e.standardError());
      JsonOutputs.number(estimate, "low", e.interval().low());
      JsonOutputs.number(estimate, "high", e.interval().high());
      estimate.put("intervalMethod", e.interval().method().name());
      JsonOutputs.number(estimate, "designEffect", e.designEffect());
      JsonOutputs.number(estimate, "effectiveBase", e.effectiveBase());
    }
  }

  private static JsonNode table(BannerTable table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TableWriter.write(table, TableFormat.JSON, bytes);
    try {
      ObjectNode node = (ObjectNode) JsonOutputs.MAPPER.readTree(bytes.toByteArray());
      node.remove(List.of("schemaVersion", "kind"));
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back the table's JSON", e);
    }
  }

  @Override
  public String toString() {
    try {
      return JsonOutputs.MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the analysis as JSON", e);
    }
  }
}
