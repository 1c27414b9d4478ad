package io.trailwatch.core.port;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger of one process: what {@code trailwatch} uses locally, and a reference for the tests. */
public final class InMemoryDeliveryLedger implements DeliveryLedger {
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();

  @Override
  public boolean delivered(String findingId, String channel) {
    return delivered.contains(findingId + "#" + channel);
  }

  @Override
  public void record(String findingId, String channel) {
    delivered.add(findingId + "#" + channel);
  }
}
