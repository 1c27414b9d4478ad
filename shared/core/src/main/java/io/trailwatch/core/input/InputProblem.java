package io.trailwatch.core.input;

/**
 * One thing wrong with the input, located so a person can find it: the file, where in it ("line 12",
 * "record 7", "byte 1043") and why. Reported, counted and skipped; never fatal to a scan.
 */
public record InputProblem(String file, String location, String reason) {
  @Override
  public String toString() {
    return file + (location == null ? "" : ": " + location) + ": " + reason;
  }
}
