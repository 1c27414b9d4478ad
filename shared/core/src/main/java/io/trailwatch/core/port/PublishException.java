package io.trailwatch.core.port;

/** Findings could not be handed on; the caller must not acknowledge the event that produced them. */
public class PublishException extends RuntimeException {
  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }

  public PublishException(String message) {
    super(message);
  }
}
