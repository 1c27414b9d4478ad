package io.trailwatch.core.port;

/**
 * Which destinations already took which finding. SQS delivers at least once and a batch with one failed
 * destination comes back whole for that message, so without a record a retry would post the same alert
 * to Slack twice. The router asks before each delivery and records after each success.
 */
public interface DeliveryLedger {
  /**
   * @throws LedgerUnavailableException when the record cannot be read
   */
  boolean delivered(String findingId, String channel);

  /**
   * @throws LedgerUnavailableException when the record cannot be written
   */
  void record(String findingId, String channel);

  /** A ledger that remembers nothing: every delivery is a first one. */
  DeliveryLedger NONE =
      new DeliveryLedger() {
        @Override
        public boolean delivered(String findingId, String channel) {
          return false;
        }

        @Override
        public void record(String findingId, String channel) {}
      };
}
