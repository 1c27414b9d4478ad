package io.trailwatch.core.rule;

/** The ASFF severity labels, in increasing order, so {@code --fail-on HIGH} is a comparison. */
public enum Severity {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Accepts any case and the common short form {@code INFO}. */
  public static Severity parse(String text) {
    String upper = text.trim().toUpperCase();
    if (upper.equals("INFO")) {
      return INFORMATIONAL;
    }
    return Severity.valueOf(upper);
  }
}
