package io.trailwatch.aws.dynamodb;

import io.trailwatch.aws.testing.StateTable;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.port.DedupStore;
import io.trailwatch.core.port.DedupStore.Occurrence;
import io.trailwatch.core.port.InMemoryDedupStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Dedup windows on the real DynamoDB engine, checked against the in-memory store the CLI uses: the same
 * sequence of findings must give the same answers from both.
 */
class DynamoDbDedupStoreTest {
  @RegisterExtension static final StateTable.Embedded table = StateTable.embedded("state");
  static DynamoDbClient dynamo;
  static final Duration HOUR = Duration.ofHours(1);

  @BeforeAll
  static void client() {
    dynamo = table.dynamo();
  }

  record Step(String key, String findingId, String at) {}

  static List<Occurrence> play(DedupStore store, List<Step> steps) {
    return steps.stream().map(s -> store.record(s.key(), s.findingId(), Instant.parse(s.at()), HOUR)).toList();
  }

  @Test
  void answersExactlyAsTheInMemoryStoreDoes() {
    List<Step> steps = List.of(
        new Step("k1", "f1", "2026-03-15T02:00:00Z"),
        new Step("k1", "f2", "2026-03-15T02:10:00Z"),
        new Step("k1", "f1", "2026-03-15T02:00:00Z"),
        new Step("k2", "f3", "2026-03-15T02:11:00Z"),
        new Step("k1", "f4", "2026-03-15T02:59:59Z"),
        new Step("k1", "f5", "2026-03-15T03:00:00Z"),
        new Step("k1", "f6", "2026-03-15T03:05:00Z"),
        new Step("k" + "x".repeat(3000), "f7", "2026-03-15T03:05:00Z"));

    List<Occurrence> dynamoAnswers = play(new DynamoDbDedupStore(dynamo, "state"), steps);
    List<Occurrence> memoryAnswers = play(new InMemoryDedupStore(), steps);

    assertThat(dynamoAnswers).isEqualTo(memoryAnswers);
    assertThat(dynamoAnswers).extracting(Occurrence::opensWindow)
        .containsExactly(true, false, true, true, false, true, false, true);
    assertThat(dynamoAnswers.get(4).count()).isEqualTo(3);
    assertThat(dynamoAnswers.get(4).firstSeen()).isEqualTo(Instant.parse("2026-03-15T02:00:00Z"));
  }

  @Test
  void aWindowOpenedForAnOldFindingOutlivesTheTableTtl() {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    DedupStore store = new DynamoDbDedupStore(dynamo, "state", java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    // A finding of a March event, redriven from the dead-letter queue in November.
    assertThat(store.record("old-key", "f-old", Instant.parse("2026-03-17T02:00:00Z"), HOUR).opensWindow()).isTrue();

    var item = dynamo.scan(b -> b.tableName("state")).items().stream()
        .filter(x -> x.get("pk").s().equals("dedup#" + io.trailwatch.core.finding.FindingIds.of("dedup", "old-key")))
        .findFirst().orElseThrow();
    assertThat(Long.parseLong(item.get("expiresAt").n())).as("expires after now, not after the event")
        .isEqualTo(now.plus(HOUR).plus(Duration.ofDays(1)).getEpochSecond());
    assertThat(Long.parseLong(item.get("windowEnds").n())).as("the window itself is the event's")
        .isEqualTo(Instant.parse("2026-03-17T03:00:00Z").getEpochSecond());
    assertThat(store.record("old-key", "f-old-2", Instant.parse("2026-03-17T02:30:00Z"), HOUR).opensWindow()).isFalse();
  }
}
