package io.trailwatch.core.port;

import java.util.Map;

/**
 * Names of AWS accounts, for alerts that say "prod-payments (111122223333)" rather than a number
 * (panther-analysis#1588). Sources: AWS Organizations when the monitor may read it, else a configured map.
 */
@FunctionalInterface
public interface AccountNames {
  /**
   * @return the account's name, or null when unknown
   * @throws RuntimeException when the source could not be read (the alert goes out marked partial)
   */
  String nameOf(String accountId);

  static AccountNames of(Map<String, String> names) {
    return names::get;
  }

  AccountNames NONE = id -> null;
}
