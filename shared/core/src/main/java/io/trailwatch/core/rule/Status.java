package io.trailwatch.core.rule;

import java.util.Locale;

/** Sigma's lifecycle: experimental rules are new, stable ones proven, deprecated ones kept but not loaded. */
public enum Status {
  EXPERIMENTAL,
  STABLE,
  DEPRECATED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
