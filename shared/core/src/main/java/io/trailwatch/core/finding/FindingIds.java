package io.trailwatch.core.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable finding ids: a hash of the rule id and the event id, so a replay, a Lambda retry and an
 * EventBridge duplicate all give the same id, and Security Hub updates the finding instead of adding one.
 */
public final class FindingIds {
  private FindingIds() {}

  /** One digest per thread: looking the algorithm up through the security providers costs more than hashing. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  });

  public static String of(String ruleId, String eventKey) {
    MessageDigest sha = SHA256.get();
    sha.reset();
    byte[] digest = sha.digest((ruleId + "\n" + eventKey).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }
}
