package io.trailwatch.aws.dynamodb;

import io.trailwatch.core.port.DeliveryLedger;
import io.trailwatch.core.port.LedgerUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The delivery ledger in the state table ({@code StateTable} in template.yaml: partition key {@code pk},
 * TTL attribute {@code expiresAt}). One item per finding and channel, kept longer than a message can live
 * in the findings queue (14 days), then removed by DynamoDB's TTL with no code of ours. Reads are
 * strongly consistent: a retry seconds after a delivery must see it.
 */
public final class DynamoDbDeliveryLedger implements DeliveryLedger {
  static final Duration KEEP = Duration.ofDays(14);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbDeliveryLedger(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  static String key(String findingId, String channel) {
    return "delivered#" + findingId + "#" + channel;
  }

  @Override
  public boolean delivered(String findingId, String channel) {
    GetItemResponse response;
    try {
      response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
          .key(Map.of("pk", AttributeValue.fromS(key(findingId, channel)))));
    } catch (SdkException e) {
      throw new LedgerUnavailableException("GetItem on " + table + " failed: " + e.getMessage(), e);
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      return false;
    }
    AttributeValue expires = response.item().get("expiresAt");
    // DynamoDB deletes expired items within days, not at once: an expired record counts as absent.
    return expires == null || Long.parseLong(expires.n()) > clock.instant().getEpochSecond();
  }

  @Override
  public void record(String findingId, String channel) {
    long now = clock.instant().getEpochSecond();
    try {
      dynamo.putItem(b -> b.tableName(table).item(Map.of(
          "pk", AttributeValue.fromS(key(findingId, channel)),
          "findingId", AttributeValue.fromS(findingId),
          "channel", AttributeValue.fromS(channel),
          "deliveredAt", AttributeValue.fromN(Long.toString(now)),
          "expiresAt", AttributeValue.fromN(Long.toString(now + KEEP.toSeconds())))));
    } catch (SdkException e) {
      throw new LedgerUnavailableException("PutItem on " + table + " failed: " + e.getMessage(), e);
    }
  }
}
