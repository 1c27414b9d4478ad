package io.trailwatch.aws.securityhub;

import io.trailwatch.aws.SdkFailures;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.port.DedupStore;
import io.trailwatch.core.port.DeliveryException;
import io.trailwatch.core.render.AsffFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;

/**
 * Imports each finding into Security Hub as an ASFF finding of the account's default product, with
 * {@code BatchImportFindings}. Its stable {@code Id} makes a redelivery an update, never a duplicate.
 *
 * <p>The router hands it a whole SQS batch at once ({@link #deliverAll}): one call imports them all, up to
 * 100 a call, which matters in a storm (Security Hub allows 10 calls a second, burst 30). Each entry of
 * {@code FailedFindings} fails only its own finding.
 *
 * <p>Security Hub imports into the default product only findings whose {@code AwsAccountId} is the
 * caller's own account. When the function knows its account ({@code TRAILWATCH_ACCOUNT_ID}, see
 * {@code RouteWiring}), a finding of another account (an event forwarded from a member account) is
 * refused before any call, permanently and with a message that says why; when it does not, the finding's
 * account is used and Security Hub itself rejects a foreign one, which ends the same way.
 *
 * <p>Failures: throttling ({@code LimitExceededException}, HTTP 429), 5xx and network errors are transient
 * (the finding comes back from the queue, the SDK having retried first); another rejection of the call
 * is permanent. A call that succeeds may still list the finding under {@code FailedFindings}: its error
 * code decides, throttling-like and internal codes being transient and the rest ({@code InvalidInput},
 * {@code AccessDenied}...) permanent, since the same document would be rejected again.
 */
public final class SecurityHubChannel implements AlertChannel {
  private final SecurityHubClient securityHub;
  private final String region;
  private final String account;

  /**
   * @param region the region of the client, where the findings are imported
   * @param account the function's own account, or null when unknown (no check before the call)
   */
  /** BatchImportFindings takes at most 100 findings a call. */
  static final int MAX_BATCH = 100;

  public SecurityHubChannel(SecurityHubClient securityHub, String region, String account) {
    this.securityHub = securityHub;
    this.region = region;
    this.account = account == null || account.isBlank() ? null : account;
  }

  @Override
  public String name() {
    return "securityhub";
  }

  @Override
  public void deliver(Finding f) {
    DeliveryException failure = deliverAll(List.of(f)).get(f.id());
    if (failure != null) {
      throw failure;
    }
  }

  /** One BatchImportFindings per {@value #MAX_BATCH} findings; FailedFindings are mapped back by ASFF Id. */
  @Override
  public Map<String, DeliveryException> deliverAll(List<Finding> findings) {
    Map<String, DeliveryException> failed = new LinkedHashMap<>();
    Map<String, Finding> byAsffId = new LinkedHashMap<>();
    List<AwsSecurityFinding> documents = new ArrayList<>();
    for (Finding f : findings) {
      try {
        documents.add(document(f));
        byAsffId.put(AsffFinding.id(f), f);
      } catch (DeliveryException e) {
        failed.put(f.id(), e);
      }
    }
    for (int start = 0; start < documents.size(); start += MAX_BATCH) {
      List<AwsSecurityFinding> chunk = documents.subList(start, Math.min(documents.size(), start + MAX_BATCH));
      importChunk(chunk, byAsffId, failed);
    }
    return failed;
  }

  /** Updates the window's opening finding with the count and the last time seen. */
  @Override
  public void repeated(Finding repeat, DedupStore.Occurrence occurrence) {
    String into = account != null ? account : repeat.account();
    if (into == null || !into.equals(repeat.account())) {
      return;
    }
    AwsSecurityFinding update = AsffModel.toSdk(AsffFinding.renderRepeat(repeat, occurrence.openerId(),
        occurrence.count(), occurrence.firstSeen(), occurrence.lastSeen(), region, into));
    Map<String, Finding> byAsffId = new LinkedHashMap<>();
    byAsffId.put(update.id(), repeat);
    Map<String, DeliveryException> failed = new LinkedHashMap<>();
    importChunk(List.of(update), byAsffId, failed);
    if (!failed.isEmpty()) {
      throw failed.values().iterator().next();
    }
  }

  private AwsSecurityFinding document(Finding f) {
    String into = account != null ? account : f.account();
    if (into == null || into.isBlank()) {
      throw new DeliveryException("finding " + f.id() + " names no account to import it into", true);
    }
    if (f.account() != null && !f.account().isBlank() && !f.account().equals(into)) {
      throw new DeliveryException("finding " + f.id() + " is of account " + f.account() + ", forwarded to this one ("
          + into + "): Security Hub imports into the default product only the caller's own findings", true);
    }
    try {
      return AsffModel.toSdk(AsffFinding.render(f, region, into));
    } catch (IllegalArgumentException e) {
      throw new DeliveryException("finding " + f.id() + " cannot be an ASFF finding: " + e.getMessage(), true, e);
    }
  }

  private void importChunk(
      List<AwsSecurityFinding> chunk, Map<String, Finding> byAsffId, Map<String, DeliveryException> failed) {
    BatchImportFindingsResponse response;
    try {
      response = securityHub.batchImportFindings(b -> b.findings(chunk));
    } catch (SdkException e) {
      DeliveryException all = SdkFailures.delivery("Security Hub BatchImportFindings", e);
      chunk.forEach(d -> failed.put(byAsffId.get(d.id()).id(), all));
      return;
    }
    for (ImportFindingsError error : response.failedFindings()) {
      Finding f = byAsffId.get(error.id());
      if (f != null) {
        failed.put(f.id(), new DeliveryException("Security Hub did not import " + error.id() + ": "
            + error.errorCode() + ": " + error.errorMessage(), !transientCode(error.errorCode())));
      }
    }
    if (response.failedFindings().isEmpty() && response.failedCount() != null && response.failedCount() > 0) {
      DeliveryException unknown = new DeliveryException(
          "Security Hub reported " + response.failedCount() + " failed finding(s) without detail", false);
      chunk.forEach(d -> failed.put(byAsffId.get(d.id()).id(), unknown));
    }
  }

  /** Error codes that another try may get past; any other code would reject the same document again. */
  static boolean transientCode(String code) {
    String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
    return c.contains("throttl") || c.contains("limitexceeded") || c.contains("internal")
        || c.contains("unavailable") || c.contains("timeout");
  }
}
