package io.trailwatch.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.finding.FindingJson;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.port.DeliveryException;
import io.trailwatch.core.port.DeliveryLedger;
import io.trailwatch.core.port.InMemoryDeliveryLedger;
import io.trailwatch.core.port.LedgerUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteServiceTest {
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final OpsLog ops = new OpsLog(new PrintStream(log, true, StandardCharsets.UTF_8));

  /** A channel that records what it took and fails the first {@code failures} attempts. */
  static final class Recording implements AlertChannel {
    final String name;
    int failures;
    final List<String> took = new ArrayList<>();

    Recording(String name, int failures) {
      this.name = name;
      this.failures = failures;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void deliver(Finding finding) {
      if (failures-- > 0) {
        throw new DeliveryException("HTTP 503", false);
      }
      took.add(finding.id());
    }
  }

  static RouteService.Message message(String id) {
    Finding f = io.trailwatch.core.TestFindings.finding("t", "ua", "b");
    return new RouteService.Message(id, FindingJson.toJson(f));
  }

  @Test
  void aRetriedMessageSkipsTheChannelsThatAlreadyTookIt() {
    Recording slack = new Recording("slack", 0);
    Recording sns = new Recording("sns", 1);
    RouteService service = new RouteService(List.of(slack, sns), new InMemoryDeliveryLedger(), ops);

    List<String> first = service.handle(List.of(message("m1")));
    List<String> second = service.handle(List.of(message("m1")));

    assertThat(first).containsExactly("m1");
    assertThat(second).isEmpty();
    assertThat(slack.took).as("Slack got the alert once, not on the retry").hasSize(1);
    assertThat(sns.took).hasSize(1);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("already delivered; skipped");
  }

  static RouteService.Message messageAt(String id, String findingId, String time) {
    Finding f = io.trailwatch.core.TestFindings.finding("t", "ua", "b");
    Finding at = new Finding(findingId, f.ruleId(), f.title(), f.category(), f.severity(), f.status(), f.eventId(),
        time, f.eventSource(), f.eventName(), f.account(), f.region(), f.principal(), f.sourceIp(), f.userAgent(),
        f.resources(), f.attack(), f.compliance(), f.runbook(), f.ruleTitle(), f.description(), "same-key", 3600);
    return new RouteService.Message(id, FindingJson.toJson(at));
  }

  @Test
  void repeatsOfOneKeyWithinTheWindowAreOneAlertWithACount() {
    Recording slack = new Recording("slack", 0);
    RouteService service = new RouteService(List.of(slack), new InMemoryDeliveryLedger(),
        new io.trailwatch.core.port.InMemoryDedupStore(), ops);

    service.handle(List.of(messageAt("m1", "f1", "2026-03-15T02:00:00Z"), messageAt("m2", "f2", "2026-03-15T02:10:00Z"),
        messageAt("m3", "f3", "2026-03-15T02:50:00Z")));
    service.handle(List.of(messageAt("m1", "f1", "2026-03-15T02:00:00Z")));
    service.handle(List.of(messageAt("m4", "f4", "2026-03-15T03:00:01Z")));

    assertThat(slack.took).as("the opener (once, even when retried) and the next window's opener").containsExactly("f1", "f4");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("repeat within the dedup window; counted, not sent")
        .contains("\"count\":3").contains("\"firstSeen\":\"2026-03-15T02:00:00Z\"");
  }

  @Test
  void anUnavailableLedgerCostsAPossibleDuplicateNeverAnAlert() {
    DeliveryLedger down = new DeliveryLedger() {
      @Override
      public boolean delivered(String findingId, String channel) {
        throw new LedgerUnavailableException("DynamoDB unreachable", null);
      }

      @Override
      public void record(String findingId, String channel) {
        throw new LedgerUnavailableException("DynamoDB unreachable", null);
      }
    };
    Recording slack = new Recording("slack", 0);

    List<String> retry = new RouteService(List.of(slack), down, ops).handle(List.of(message("m1")));

    assertThat(retry).isEmpty();
    assertThat(slack.took).hasSize(1);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("delivering anyway, a duplicate is possible")
        .contains("delivery not recorded");
  }

  @Test
  void theSameFindingTwiceInOneBatchIsDeliveredOnce() {
    Recording slack = new Recording("slack", 0);

    List<String> retry = new RouteService(List.of(slack), new InMemoryDeliveryLedger(), ops)
        .handle(List.of(message("m1"), message("m2")));

    assertThat(retry).isEmpty();
    assertThat(slack.took).hasSize(1);
  }

  static RouteService.Message distinct(int i) {
    Finding f = io.trailwatch.core.TestFindings.finding("Bucket b" + i + " made public", "ua", "b" + i);
    Finding at = new Finding("f" + i, f.ruleId(), f.title(), f.category(), f.severity(), f.status(), f.eventId(),
        "2026-03-15T02:0" + i + ":00Z", f.eventSource(), f.eventName(), f.account(), f.region(), f.principal(),
        f.sourceIp(), f.userAgent(), f.resources(), f.attack(), f.compliance(), f.runbook(), f.ruleTitle(),
        f.description(), "key-" + i, 3600);
    return new RouteService.Message("m" + i, FindingJson.toJson(at));
  }

  /** A channel that keeps what it was given whole, for reading digests. */
  static final class Keeping implements AlertChannel {
    final List<Finding> took = new ArrayList<>();
    boolean failDigests;

    @Override
    public String name() {
      return "slack";
    }

    @Override
    public void deliver(Finding finding) {
      if (failDigests && finding.title().contains("more")) {
        throw new DeliveryException("HTTP 503", false);
      }
      took.add(finding);
    }
  }

  @Test
  void beyondTheThresholdOneRulesFindingsArriveAsOneDigestThatListsThem() {
    Keeping slack = new Keeping();
    RouteService service = new RouteService(List.of(slack), new InMemoryDeliveryLedger(),
        new io.trailwatch.core.port.InMemoryDedupStore(), 2, ops);

    List<String> retry = service.handle(List.of(distinct(1), distinct(2), distinct(3), distinct(4), distinct(5)));

    assertThat(retry).isEmpty();
    assertThat(slack.took).extracting(Finding::id).startsWith("f1", "f2").hasSize(3);
    Finding digest = slack.took.get(2);
    assertThat(digest.title()).startsWith("3 more \"S3 Bucket Policy Allows Public Access\" findings in 111122223333 (5 since");
    assertThat(digest.description()).contains("Bucket b3 made public").contains("Bucket b4 made public")
        .contains("Bucket b5 made public").doesNotContain("Bucket b1 ");
    assertThat(digest.severity()).isEqualTo("CRITICAL");
  }

  @Test
  void aDigestThatFailsSendsEveryFindingItHeldBackToTheQueue() {
    Keeping slack = new Keeping();
    slack.failDigests = true;
    RouteService service = new RouteService(List.of(slack), new InMemoryDeliveryLedger(),
        new io.trailwatch.core.port.InMemoryDedupStore(), 1, ops);

    List<String> retry = service.handle(List.of(distinct(1), distinct(2), distinct(3)));

    assertThat(retry).containsExactly("m2", "m3");
    assertThat(slack.took).extracting(Finding::id).containsExactly("f1");
  }
}
