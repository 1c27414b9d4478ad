package io.trailwatch.aws;

import io.trailwatch.core.port.DeliveryException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * One rule for every AWS destination on whether a failed call is worth another try: throttling, 429,
 * 5xx and anything that never reached the service (network, timeout) come back through the queue; any
 * other answer from the service (a 4xx) would be the same next time and is permanent.
 */
public final class SdkFailures {
  private SdkFailures() {}

  /** The delivery failure of a call that threw, its message naming the call and the HTTP status. */
  public static DeliveryException delivery(String call, SdkException e) {
    return new DeliveryException(reason(call, e), !transientFailure(e), e);
  }

  /** What went wrong, for a log line: the call, the HTTP status when the service answered, its message. */
  public static String reason(String call, SdkException e) {
    if (e instanceof SdkServiceException service) {
      return call + " failed with HTTP " + service.statusCode() + ": " + e.getMessage();
    }
    return call + " failed: " + e.getMessage();
  }

  /** Throttling, 429, 5xx, or no answer at all (network, timeout): the next try may succeed. */
  public static boolean transientFailure(SdkException e) {
    if (e instanceof SdkServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500 || service.statusCode() == 429;
    }
    return true;
  }
}
