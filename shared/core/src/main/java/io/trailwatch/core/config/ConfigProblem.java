package io.trailwatch.core.config;

/**
 * One thing wrong with a configuration, located: {@code trailwatch.yaml:14: suppression 'scanner' has no
 * owner}.
 *
 * @param expired an expiry in the past: an error for {@code trailwatch config validate} (clean it up), but
 *     a running function keeps such a configuration, since the suppression has simply stopped suppressing
 */
public record ConfigProblem(String where, int line, String message, boolean expired) {
  static ConfigProblem error(String where, int line, String message) {
    return new ConfigProblem(where, line, message, false);
  }

  @Override
  public String toString() {
    return where + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
