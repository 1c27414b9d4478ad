package io.trailwatch.aws.dynamodb;

import io.trailwatch.aws.testing.StateTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.core.port.InMemoryStateStore;
import io.trailwatch.core.port.StateStore;
import io.trailwatch.core.port.StateUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The state of stateful rules on the real DynamoDB engine, checked against the in-memory store the CLI
 * uses: the same sequence of matches must give the same answers from both, and containers counting the
 * same key at once must not lose a match.
 */
class DynamoDbStateStoreTest {
  @RegisterExtension static final StateTable.Embedded table = StateTable.embedded("state");
  static DynamoDbClient dynamo;
  static final Duration WINDOW = Duration.ofMinutes(15);

  @BeforeAll
  static void client() {
    dynamo = table.dynamo();
  }

  static List<Boolean> bursts(StateStore store, String key, String... times) {
    List<Boolean> out = new ArrayList<>();
    for (String t : times) {
      out.add(store.burst(key, Instant.parse(t), 3, WINDOW));
    }
    return out;
  }

  @Test
  void burstsAnswerExactlyAsInMemory() {
    String[] times = {
      "2026-03-17T02:00:00Z", "2026-03-17T02:05:00Z", "2026-03-17T02:20:01Z", // spread out: no burst
      "2026-03-17T02:21:00Z", "2026-03-17T02:22:00Z", // three within 15 minutes: a burst
      "2026-03-17T02:23:00Z", "2026-03-17T02:24:00Z", // the same burst goes on: counted, not reported
      "2026-03-17T03:00:00Z", "2026-03-17T03:01:00Z", "2026-03-17T03:02:00Z"}; // a new burst later
    List<Boolean> fromDynamo = bursts(new DynamoDbStateStore(dynamo, "state"), "ip|185.220.101.34", times);
    List<Boolean> fromMemory = bursts(new InMemoryStateStore(), "ip|185.220.101.34", times);

    assertThat(fromDynamo).isEqualTo(fromMemory)
        .containsExactly(false, false, false, false, true, false, false, false, false, true);
  }

  static List<Boolean> distinctBursts(StateStore store, String key, String... valuesAndTimes) {
    List<Boolean> out = new ArrayList<>();
    for (String vt : valuesAndTimes) {
      String[] parts = vt.split("@");
      out.add(store.distinctBurst(key, parts[0], Instant.parse(parts[1]), 3, WINDOW));
    }
    return out;
  }

  @Test
  void distinctBurstsCountDifferentValuesExactlyAsInMemory() {
    String[] steps = {
      "alice@2026-03-17T02:00:00Z", "alice@2026-03-17T02:01:00Z", "alice@2026-03-17T02:02:00Z", // one user, retrying
      "bob@2026-03-17T02:03:00Z", // two different users
      "carol@2026-03-17T02:04:00Z", // three within 15 minutes: a spray
      "dave@2026-03-17T02:05:00Z", // the same spray goes on: counted, not reported
      "erin@2026-03-17T03:00:00Z", "erin@2026-03-17T03:01:00Z", "frank@2026-03-17T03:02:00Z", // an hour on: two
      "x".repeat(5000) + "@2026-03-17T03:03:00Z"}; // a third, however long: a new spray
    List<Boolean> fromDynamo = distinctBursts(new DynamoDbStateStore(dynamo, "state"), "ip|203.0.113.250", steps);
    List<Boolean> fromMemory = distinctBursts(new InMemoryStateStore(), "ip|203.0.113.250", steps);

    assertThat(fromDynamo).isEqualTo(fromMemory)
        .containsExactly(false, false, false, false, true, false, false, false, false, true);
  }

  @Test
  void containersCountingDifferentValuesAtOnceLoseNone() throws Exception {
    StateStore store = new DynamoDbStateStore(dynamo, "state");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Instant t = Instant.parse("2026-03-18T05:00:00Z").plusSeconds(i);
      String user = "user-" + i;
      answers.add(pool.submit(() -> store.distinctBurst("race-distinct", user, t, 8, WINDOW)));
    }
    int reported = 0;
    for (Future<Boolean> a : answers) {
      reported += a.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(reported).as("eight users against a threshold of eight: exactly one report").isEqualTo(1);
  }

  @Test
  void firstSeenAnswersExactlyAsInMemoryAndForgetsAfterKeep() {
    Duration keep = Duration.ofDays(365);
    for (StateStore store : List.of(new DynamoDbStateStore(dynamo, "state"), new InMemoryStateStore())) {
      String key = "seen|" + store.getClass().getSimpleName();
      Instant day0 = Instant.parse("2026-03-02T10:15:00Z");
      assertThat(store.firstSeen(key, day0, keep)).isEqualTo(day0);
      assertThat(store.firstSeen(key, day0.plus(Duration.ofDays(20)), keep)).isEqualTo(day0);
      Instant muchLater = day0.plus(Duration.ofDays(400));
      assertThat(store.firstSeen(key, muchLater, keep)).as("kept a year, then new again").isEqualTo(muchLater);
    }
  }

  @Test
  void containersCountingTheSameKeyAtOnceLoseNoMatch() throws Exception {
    StateStore store = new DynamoDbStateStore(dynamo, "state");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Instant t = Instant.parse("2026-03-18T04:00:00Z").plusSeconds(i);
      answers.add(pool.submit(() -> store.burst("race", t, 8, WINDOW)));
    }
    int reported = 0;
    for (Future<Boolean> a : answers) {
      reported += a.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(reported).as("eight matches of a threshold of eight: exactly one report").isEqualTo(1);
  }

  @Test
  void anUnreachableTableIsStateUnavailable() {
    DynamoDbClient nowhere = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .build();
    assertThatThrownBy(() -> new DynamoDbStateStore(nowhere, "state").burst("k", Instant.now(), 3, WINDOW))
        .isInstanceOf(StateUnavailableException.class).hasMessageContaining("rule state in state failed");
  }

  @Test
  void stateFromAnOldEventOutlivesTheTableTtl() {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    StateStore store = new DynamoDbStateStore(dynamo, "state", java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    store.burst("old-event", Instant.parse("2026-03-17T02:00:00Z"), 3, WINDOW);
    store.firstSeen("old-seen", Instant.parse("2026-03-17T02:00:00Z"), Duration.ofDays(365));

    for (String kind : List.of("burst", "seen")) {
      String key = kind.equals("burst") ? "old-event" : "old-seen";
      var item = dynamo.scan(b -> b.tableName("state")).items().stream()
          .filter(x -> x.get("pk").s().equals(kind + "#" + io.trailwatch.core.finding.FindingIds.of(kind, key)))
          .findFirst().orElseThrow();
      assertThat(Long.parseLong(item.get("expiresAt").n())).as(kind + " item expires after now, not after the event")
          .isGreaterThan(now.getEpochSecond());
    }
  }
}
