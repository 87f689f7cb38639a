package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityCountsTest {
  @Test
  void countsEachPriorityThroughTheInstalledInsightArtifacts() {
    Map<String, Integer> counts = PriorityCounts.count(
        new StringReader("id,sector,pri_workforce,pri_addiction\n1,NHS,1,0\n2,VCFSE,1,1\n3,NHS,0,0\n"));

    assertEquals(Map.of("pri_workforce", 2, "pri_addiction", 1), counts);
  }
}
