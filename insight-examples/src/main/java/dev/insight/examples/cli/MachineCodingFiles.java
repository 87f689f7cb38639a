package dev.insight.examples.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.insight.codeframe.coding.Coding;
import dev.insight.codeframe.learn.EvaluationReport;
import dev.insight.examples.report.MachineCoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Reads the inputs of the report's machine-coding appendix and says which file a problem is in. */
final class MachineCodingFiles {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .build();

  private MachineCodingFiles() {}

  /**
   * The cross-validation report {@code insight code learn --report} wrote.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or is not such a report
   */
  static EvaluationReport readValidation(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such cross-validation report");
    }
    try {
      return MAPPER.readValue(file.toFile(), EvaluationReport.class);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
          .orElse("");
      throw new IllegalArgumentException(file + ": not a cross-validation report written by insight code learn "
          + "--report (" + why + ")", e);
    }
  }

  /**
   * The appendix's figures, with a problem in the cross-validation report or the checked sample reported against
   * that file.
   */
  static MachineCoding figures(Coding coding, int comments, @Nullable EvaluationReport validation,
      @Nullable Path validationFile, @Nullable Coding checked, @Nullable Path checkedFile) {
    MachineCoding figures;
    try {
      figures = MachineCoding.of(coding, comments, validation, null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(validationFile + ": " + e.getMessage(), e);
    }
    if (checked == null) {
      return figures;
    }
    try {
      return MachineCoding.of(coding, comments, validation, checked);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(checkedFile + ": " + e.getMessage(), e);
    }
  }
}
