package io.trailwatch.core.port;

import io.trailwatch.core.finding.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * Told that a finding repeats one already alerted on within its dedup window, so a destination that can
   * update an alert in place (Security Hub, by finding id) shows the count and the last time seen. Most
   * cannot (a webhook message is never edited) and ignore it.
   *
   * @throws DeliveryException when the update failed (logged; a repeat is never retried)
   */
  default void repeated(Finding repeat, DedupStore.Occurrence occurrence) {}

  /**
   * Delivers several findings, and says which failed. A destination with a batch API (Security Hub takes
   * up to 100 findings a call) overrides it; the default delivers one by one.
   *
   * @return the failure of each finding that was not delivered, by finding id; empty when all were
   */
  default Map<String, DeliveryException> deliverAll(List<Finding> findings) {
    Map<String, DeliveryException> failed = new LinkedHashMap<>();
    for (Finding finding : findings) {
      try {
        deliver(finding);
      } catch (DeliveryException e) {
        failed.put(finding.id(), e);
      }
    }
    return failed;
  }
}
