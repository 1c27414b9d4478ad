package io.trailwatch.core.condition;

/**
 * One parameter of a condition type: its schema, checked when a rule is loaded so a typo fails the build
 * rather than a detection at 3 a.m.
 */
public record Param(String name, Kind kind, boolean required, String description) {
  public enum Kind {
    STRING,
    STRING_LIST,
    INT_LIST,
    BOOLEAN
  }
}
