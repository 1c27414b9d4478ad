package io.trailwatch.core.port;

/**
 * The state of stateful rules could not be read or written. The event is failed, not judged without
 * state: Lambda retries it, and a threshold or first-seen decision is never made on a guess.
 */
public class StateUnavailableException extends RuntimeException {
  public StateUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
