package io.trailwatch.core.port;

/**
 * A channel did not deliver. A transient failure (a timeout, a 5xx, a 429) is retried through the queue;
 * a permanent one (a 4xx that will never succeed) is logged and not retried.
 */
public class DeliveryException extends RuntimeException {
  private final boolean permanent;

  public DeliveryException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public DeliveryException(String message, boolean permanent) {
    this(message, permanent, null);
  }

  public boolean permanent() {
    return permanent;
  }
}
