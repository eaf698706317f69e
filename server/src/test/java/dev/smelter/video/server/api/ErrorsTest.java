package dev.smelter.video.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smelter.video.spec.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Error answers stay bounded however many problems a spec has. */
class ErrorsTest {
  @Test
  void anAnswerListsAtMostAHundredProblemsAndCountsTheRest() {
    List<Problem> many = IntStream.range(0, 20_000).mapToObj(i -> new Problem("clips[" + i + "].layers[0].type", "unknown layer type")).toList();
    List<Map<String, Object>> listed = Errors.problems(many);
    assertThat(listed).hasSize(101);
    assertThat(listed.get(99)).containsEntry("path", "clips[99].layers[0].type");
    assertThat(listed.get(100)).containsEntry("path", "").containsEntry("message", "and 19900 more problems (the first 100 are listed)");
    List<Problem> few = many.subList(0, 100);
    assertThat(Errors.listed(few)).isEqualTo(few);
  }
}
