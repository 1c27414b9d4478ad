package io.trailwatch.aws.dynamodb;

import io.trailwatch.core.finding.FindingIds;
import io.trailwatch.core.port.DedupStore;
import io.trailwatch.core.port.LedgerUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Dedup windows in the state table, one item per dedup key, safe with several router instances at once:
 * opening a window is a conditional write that only one of two racing findings can win, and a repeat is
 * an atomic counter increment. The key is hashed into the partition key (a dedup key made of event values
 * can be long); the item expires a day after its window (or after now, for an old finding) with DynamoDB's TTL.
 */
public final class DynamoDbDedupStore implements DedupStore {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbDedupStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Clock.systemUTC());
  }

  /**
   * @param clock the item's expiry counts from the later of the finding's time and this clock: a finding
   *     of an old event (a redriven dead letter) must not open a window the table's TTL deletes at once,
   *     or the next finding of the same window would open another and alert again
   */
  public DynamoDbDedupStore(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public Occurrence record(String dedupKey, String findingId, Instant at, Duration window) {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("dedup#" + FindingIds.of("dedup", dedupKey)));
    long t = at.getEpochSecond();
    long expires = Math.max(t, clock.instant().getEpochSecond()) + window.toSeconds() + 86_400;
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          dynamo.updateItem(b -> b.tableName(table).key(key)
              .updateExpression("SET firstSeen = :t, lastSeen = :t, seen = :one, windowEnds = :end, "
                  + "opener = :id, dedupKey = :k, expiresAt = :exp")
              .conditionExpression("attribute_not_exists(pk) OR windowEnds <= :t")
              .expressionAttributeValues(Map.of(
                  ":t", n(t), ":one", n(1), ":end", n(t + window.toSeconds()), ":id", AttributeValue.fromS(findingId),
                  ":k", AttributeValue.fromS(dedupKey), ":exp", n(expires))));
          return new Occurrence(true, 1, at, at, findingId);
        } catch (ConditionalCheckFailedException open) {
          // A window is open: count this finding in it, unless it is the window's own opener again.
        }
        try {
          Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(key)
              .updateExpression("SET lastSeen = :t ADD seen :one")
              .conditionExpression("windowEnds > :t AND opener <> :id")
              .expressionAttributeValues(Map.of(":t", n(t), ":one", n(1), ":id", AttributeValue.fromS(findingId)))
              .returnValues(ReturnValue.ALL_NEW)).attributes();
          return occurrence(false, item, at);
        } catch (ConditionalCheckFailedException repeat) {
          Map<String, AttributeValue> item =
              dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
          if (item != null && findingId.equals(item.get("opener").s())) {
            return occurrence(true, item, at);
          }
          // The window closed between the two writes: try to open the next one.
        }
      }
      throw new LedgerUnavailableException("dedup window for a key kept changing under three attempts", null);
    } catch (SdkException e) {
      throw new LedgerUnavailableException("dedup state in " + table + " failed: " + e.getMessage(), e);
    }
  }

  private static Occurrence occurrence(boolean opens, Map<String, AttributeValue> item, Instant at) {
    Instant first = Instant.ofEpochSecond(Long.parseLong(item.get("firstSeen").n()));
    Instant last = Instant.ofEpochSecond(Math.max(Long.parseLong(item.get("lastSeen").n()), at.getEpochSecond()));
    return new Occurrence(opens, Long.parseLong(item.get("seen").n()), first, last, item.get("opener").s());
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
