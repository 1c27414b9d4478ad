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
}
