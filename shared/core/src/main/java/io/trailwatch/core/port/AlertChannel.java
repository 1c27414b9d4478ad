package io.trailwatch.core.port;

import io.trailwatch.core.finding.Finding;

/**
 * A destination for alerts (the log, SNS, Slack, Security Hub). Each channel is isolated: one that fails
 * costs only its own delivery, and only the finding it failed on comes back for a retry.
 */
public interface AlertChannel {
  /** A short stable name, used in logs and in the record of what was delivered where. */
  String name();

  /**
   * Delivers one finding.
   *
   * @throws DeliveryException when it was not delivered; {@link DeliveryException#permanent()} says
   *     whether trying again could help
   */
  void deliver(Finding finding);
}
