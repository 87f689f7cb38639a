package org.example.consumer;

import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.input.ReadMode;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a consuming system does with insight: read a survey export and count a multiple-response question. */
public final class PriorityCounts {
  private PriorityCounts() {}

  /**
   * Counts how many respondents chose each priority.
   *
   * @param csv the survey export
   * @return priority to count
   */
  public static Map<String, Integer> count(Reader csv) {
    SurveyMapping mapping = SurveyMapping.builder("id")
        .categorical("sector")
        .multiColumns("priorities", "Priorities", List.of("pri_workforce", "pri_addiction"))
        .build();
    Dataset survey = SurveyCsvReader.read(csv, "export.csv", mapping, ReadMode.STRICT).value();
    MultiResponseVariable priorities = survey.multiResponse("priorities");
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < priorities.options().size(); i++) {
      counts.put(priorities.options().get(i).code(), priorities.counts()[i]);
    }
    return counts;
  }

  /**
   * Prints the counts of a small export.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(count(new java.io.StringReader("id,sector,pri_workforce,pri_addiction\n1,NHS,1,0\n2,VCFSE,1,1\n")));
  }
}
