package io.trailwatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pattern that names no event name, no source and no caller type is checked on every event of every
 * account, and costs the whole scan about 3 % by itself (BENCHMARKS.md): the catalog's throughput
 * target has room for few of them. A new rule lands here when its pattern forgot its {@code eventName}
 * (or uses {@code anything-but} on it); name the calls, or the source, and it is indexed.
 */
class EveryRuleIsIndexedTest {
  /** Rules that must see every call, and why. */
  static final Map<String, String> CHECKED_ON_EVERY_EVENT = Map.of(
      "account_offensive_tool_user_agent", "an offensive tool's user agent can be on any call");

  @Test
  void everyPatternIsIndexedByEventNameSourceOrCallerTypeButTheListedOnes() throws IOException {
    List<Rule> rules = Catalogs.loadBuiltIn(ConditionVocabulary.standard());
    Prefilter<String> prefilter = new Prefilter<>();
    for (Rule rule : rules) {
      for (String pattern : rule.matchPatterns()) {
        prefilter.addPattern(rule.id(), Json.MAPPER.readTree(pattern));
      }
    }
    assertThat(prefilter.unindexed()).as("rules checked on every event (see this test's Javadoc)")
        .containsExactlyInAnyOrderElementsOf(CHECKED_ON_EVERY_EVENT.keySet());
  }
}
