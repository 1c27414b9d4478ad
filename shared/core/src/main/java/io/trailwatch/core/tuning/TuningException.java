package io.trailwatch.core.tuning;

/** The configuration is invalid; the message names the file, the line and the problem. */
public class TuningException extends RuntimeException {
  public TuningException(String message) {
    super(message);
  }
}
