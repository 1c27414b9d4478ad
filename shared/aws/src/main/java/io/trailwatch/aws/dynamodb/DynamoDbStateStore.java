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
 * item holding the key's most recent match times (at most the threshold's count), or for a count of
 * different values the latest time of each, and when it was last reported, rewritten with optimistic locking on a version number, so two containers counting the same
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
    long t = time.toEpochMilli();
    return rewrite("burst#" + FindingIds.of("burst", key), time, window, (item, next) -> {
      List<Long> times = new ArrayList<>();
      if (item != null && item.containsKey("times")) {
        item.get("times").ns().forEach(n -> times.add(Long.parseLong(n)));
      }
      times.add(t);
      long from = t - window.toMillis();
      times.removeIf(x -> x < from);
      times.sort(null);
      while (times.size() > count) {
        times.remove(0);
      }
      // A number set cannot hold duplicates: two matches in the same millisecond count once, which is
      // within the precision CloudTrail records (seconds).
      next.put("times", AttributeValue.fromNs(times.stream().map(String::valueOf).distinct().toList()));
      return times.size() >= count;
    });
  }

  /**
   * Values are hashed into the item's map (a value comes from the event, its length is the caller's), and
   * each keeps its latest time; at most {@code count} of the most recent are kept.
   */
  @Override
  public boolean distinctBurst(String key, String value, Instant time, int count, Duration window) {
    long t = time.toEpochMilli();
    String v = FindingIds.of("value", value);
    return rewrite("distinct#" + FindingIds.of("distinct", key), time, window, (item, next) -> {
      Map<String, Long> latest = new HashMap<>();
      if (item != null && item.containsKey("values")) {
        item.get("values").m().forEach((k, x) -> latest.put(k, Long.parseLong(x.n())));
      }
      latest.merge(v, t, Math::max);
      long from = t - window.toMillis();
      latest.values().removeIf(x -> x < from);
      while (latest.size() > count) {
        latest.remove(java.util.Collections.min(latest.entrySet(), Map.Entry.comparingByValue()).getKey());
      }
      Map<String, AttributeValue> values = new HashMap<>();
      latest.forEach((k, x) -> values.put(k, n(x)));
      next.put("values", AttributeValue.fromM(values));
      return latest.size() >= count;
    });
  }

  /** What a count makes of the item it read (null when there is none): the attributes to write, and "full". */
  private interface Count {
    boolean update(Map<String, AttributeValue> item, Map<String, AttributeValue> next);
  }

  /**
   * Reads the item, counts on it, and writes it back on condition that nobody wrote it meanwhile (its
   * version), again and again until the write holds. True when the count is full and no burst of this
   * key was reported within the last window: the caller reports this one.
   */
  private boolean rewrite(String partitionKey, Instant time, Duration window, Count count) {
    Map<String, AttributeValue> pk = Map.of("pk", AttributeValue.fromS(partitionKey));
    long t = time.toEpochMilli();
    try {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(pk).consistentRead(true)).item();
        boolean exists = item != null && !item.isEmpty();
        long version = exists ? Long.parseLong(item.get("version").n()) : 0;
        long reported = exists && item.containsKey("reported") ? Long.parseLong(item.get("reported").n()) : Long.MIN_VALUE;
        Map<String, AttributeValue> next = new HashMap<>(pk);
        boolean full = count.update(exists ? item : null, next);
        boolean burst = full && reported <= t - window.toMillis();
        next.put("version", n(version + 1));
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
