package io.trailwatch.core.testing;

import java.util.List;

/**
 * The outcome of one sample of one rule.
 *
 * @param kind "positive" or "negative"
 * @param fired the rule ids the whole catalog fired on the sample
 * @param problem null when the sample behaved as its folder says; otherwise why not
 */
public record SampleResult(String ruleId, String kind, String sample, List<String> fired, String problem) {
  public boolean passed() {
    return problem == null;
  }
}
