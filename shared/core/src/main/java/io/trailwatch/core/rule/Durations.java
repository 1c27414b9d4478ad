package io.trailwatch.core.rule;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the short durations people write in YAML: {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");

  private Durations() {}

  public static Duration parse(String text) {
    Matcher m = SHORT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a number and s, m, h or d, e.g. 15m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
