package io.trailwatch.aws.dynamodb;

import io.trailwatch.aws.testing.StateTable;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.port.DedupStore;
import io.trailwatch.core.port.DedupStore.Occurrence;
import io.trailwatch.core.port.InMemoryDedupStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * Dedup windows on the real DynamoDB engine, checked against the in-memory store the CLI uses: the same
 * sequence of findings must give the same answers from both.
 */
class DynamoDbDedupStoreTest {
  static AmazonDynamoDBLocal local;
  static DynamoDbClient dynamo;
  static final Duration HOUR = Duration.ofHours(1);

  @BeforeAll
  static void startDynamoDb() {
    local = DynamoDBEmbedded.create(true);
    dynamo = local.dynamoDbClient();
    StateTable.create(dynamo, "state");
  }

  @AfterAll
  static void stopDynamoDb() {
    local.shutdown();
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
}
