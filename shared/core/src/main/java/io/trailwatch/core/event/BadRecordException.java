package io.trailwatch.core.event;

/** A record that is valid JSON but not an event the engine can read; the caller skips it and goes on. */
public class BadRecordException extends RuntimeException {
  public BadRecordException(String reason) {
    super(reason);
  }
}
