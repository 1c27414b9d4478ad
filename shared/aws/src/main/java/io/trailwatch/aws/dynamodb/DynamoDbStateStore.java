package io.trailwatch.aws.dynamodb;

import io.trailwatch.core.finding.FindingIds;
import io.trailwatch.core.port.StateStore;
import io.trailwatch.core.port.StateUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The state of stateful rules in the state table, shared by every detector container. A burst is one
 * item holding the key's most recent match times (at most the threshold's count) and when it was last
 * reported, rewritten with optimistic locking on a version number, so two containers counting the same
 * key at once never lose a match. A first-seen value is one item written with {@code if_not_exists}:
 * whichever container writes first owns "first". Keys are hashed into the partition key; items expire
 * with DynamoDB's TTL once they no longer matter.
 */
public final class DynamoDbStateStore implements StateStore {
  /** Enough for a burst's events arriving in many containers at once (each retry backs off with jitter). */
  private static final int ATTEMPTS = 25;

  private final DynamoDbClient dynamo;
  private final String table;
  private final java.time.Clock clock;

  public DynamoDbStateStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, java.time.Clock.systemUTC());
  }

  /**
   * @param clock when items expire counts from the later of the event's time and this clock: an old event
   *     (a redriven dead letter) must not write state the table's TTL deletes at once
   */
  public DynamoDbStateStore(DynamoDbClient dynamo, String table, java.time.Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  private long expiry(Instant time, Duration keep) {
    Instant now = clock.instant();
    return (time.isAfter(now) ? time : now).plus(keep).getEpochSecond();
  }

  @Override
  public boolean burst(String key, Instant time, int count, Duration window) {
    Map<String, AttributeValue> pk = Map.of("pk", AttributeValue.fromS("burst#" + FindingIds.of("burst", key)));
    long t = time.toEpochMilli();
    try {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(pk).consistentRead(true)).item();
        boolean exists = item != null && !item.isEmpty();
        long version = exists ? Long.parseLong(item.get("version").n()) : 0;
        List<Long> times = new ArrayList<>();
        if (exists && item.containsKey("times")) {
          item.get("times").ns().forEach(n -> times.add(Long.parseLong(n)));
        }
        long reported = exists && item.containsKey("reported") ? Long.parseLong(item.get("reported").n()) : Long.MIN_VALUE;
        times.add(t);
        long from = t - window.toMillis();
        times.removeIf(x -> x < from);
        times.sort(null);
        while (times.size() > count) {
          times.remove(0);
        }
        boolean burst = times.size() >= count && reported <= from;
        Map<String, AttributeValue> next = new HashMap<>(pk);
        next.put("version", n(version + 1));
        // A number set cannot hold duplicates: two matches in the same millisecond count once, which is
        // within the precision CloudTrail records (seconds).
        next.put("times", AttributeValue.fromNs(times.stream().map(String::valueOf).distinct().toList()));
        next.put("reported", n(burst ? t : reported == Long.MIN_VALUE ? 0 : reported));
        next.put("expiresAt", n(expiry(time, window.plusDays(1))));
        try {
          if (exists) {
            dynamo.putItem(b -> b.tableName(table).item(next).conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", n(version))));
          } else {
            dynamo.putItem(b -> b.tableName(table).item(next).conditionExpression("attribute_not_exists(pk)"));
          }
          return burst;
        } catch (ConditionalCheckFailedException raced) {
          // Another container counted the same key meanwhile: read again and count on top of it.
          backOff(attempt);
        }
      }
      throw new StateUnavailableException("the burst count of a key kept changing under " + ATTEMPTS + " attempts", null);
    } catch (SdkException e) {
      throw new StateUnavailableException("rule state in " + table + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Instant firstSeen(String key, Instant time, Duration keep) {
    Map<String, AttributeValue> pk = Map.of("pk", AttributeValue.fromS("seen#" + FindingIds.of("seen", key)));
    long t = time.getEpochSecond();
    try {
      Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(pk)
          .updateExpression("SET firstSeen = if_not_exists(firstSeen, :t), expiresAt = :exp")
          .expressionAttributeValues(Map.of(":t", n(t), ":exp", n(expiry(time, keep))))
          .returnValues(ReturnValue.ALL_NEW)).attributes();
      long first = Long.parseLong(item.get("firstSeen").n());
      if (t > first + keep.toSeconds()) {
        // Remembered longer than it is kept (the TTL deletes within days, not at once): new again.
        dynamo.updateItem(b -> b.tableName(table).key(pk)
            .updateExpression("SET firstSeen = :t").expressionAttributeValues(Map.of(":t", n(t))));
        return time;
      }
      return first == t ? time : Instant.ofEpochSecond(first);
    } catch (SdkException e) {
      throw new StateUnavailableException("rule state in " + table + " failed: " + e.getMessage(), e);
    }
  }

  private static void backOff(int attempt) {
    long cap = Math.min(100, 5L << Math.min(attempt, 5));
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateUnavailableException("interrupted while counting a burst", e);
    }
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
