package io.trailwatch.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a raw CloudTrail record (as it lies in a log file in S3) into the envelope EventBridge would have
 * delivered for it, so one rule pattern serves Lambda and replays of old logs alike.
 */
public final class Envelopes {
  private static final Map<String, TextNode> DETAIL_TYPES =
      Map.of(
          "AwsApiCall", TextNode.valueOf("AWS API Call via CloudTrail"),
          "AwsConsoleSignIn", TextNode.valueOf("AWS Console Sign In via CloudTrail"),
          "AwsServiceEvent", TextNode.valueOf("AWS Service Event via CloudTrail"),
          "AwsConsoleAction", TextNode.valueOf("AWS Console Action via CloudTrail"),
          "AwsVpceEvent", TextNode.valueOf("AWS VPCE Event via CloudTrail"));

  private static final TextNode API_CALL = DETAIL_TYPES.get("AwsApiCall");

  /** Value nodes are immutable, so the few distinct ones are shared instead of made per event. */
  private static final TextNode VERSION = TextNode.valueOf("0");

  private static final Map<String, TextNode> SOURCES = new ConcurrentHashMap<>();

  private Envelopes() {}

  /** True when the object looks like a bare CloudTrail record rather than an EventBridge envelope. */
  public static boolean isCloudTrailRecord(JsonNode node) {
    return node.isObject() && node.has("eventSource") && !node.has("detail");
  }

  /**
   * The event of a bare record, checked now, its envelope built when first needed ({@link AwsEvent}):
   * {@code source} is {@code aws.} plus the service prefix of {@code eventSource}, {@code detail-type}
   * comes from {@code eventType}.
   *
   * @throws BadRecordException when the record lacks what the envelope is made of
   */
  public static AwsEvent cloudTrailEvent(JsonNode record) {
    String eventSource = requireText(record, "eventSource");
    String eventType = requireText(record, "eventType");
    // Nearly every record is an API call: one comparison instead of hashing the type of each.
    TextNode detailType = eventType.equals("AwsApiCall") ? API_CALL : DETAIL_TYPES.get(eventType);
    if (detailType == null) {
      throw new BadRecordException("unknown eventType '" + eventType + "'");
    }
    return new AwsEvent(record, SOURCES.computeIfAbsent(eventSource, Envelopes::sourceOf), detailType);
  }

  /** The envelope EventBridge would have delivered for the record, around it without copying it. */
  static ObjectNode wrap(JsonNode record, JsonNode source, JsonNode detailType) {
    ObjectNode envelope = Json.MAPPER.createObjectNode();
    envelope.set("version", VERSION);
    JsonNode eventId = record.get("eventID");
    if (eventId != null && eventId.isTextual()) {
      envelope.set("id", eventId);
    }
    envelope.set("detail-type", detailType);
    envelope.set("source", source);
    JsonNode account = record.get("recipientAccountId");
    if (account == null || !account.isTextual()) {
      account = Json.at(record, "userIdentity.accountId");
    }
    if (account.isTextual()) {
      envelope.set("account", account);
    }
    JsonNode time = record.get("eventTime");
    if (time != null && time.isTextual()) {
      envelope.set("time", time);
    }
    JsonNode region = record.get("awsRegion");
    if (region != null && region.isTextual()) {
      envelope.set("region", region);
    }
    envelope.set("resources", Json.MAPPER.getNodeFactory().arrayNode(0));
    envelope.set("detail", record);
    return envelope;
  }

  /** {@code iam.amazonaws.com} is delivered by EventBridge with source {@code aws.iam}. */
  private static TextNode sourceOf(String eventSource) {
    int dot = eventSource.indexOf('.');
    return TextNode.valueOf("aws." + (dot > 0 ? eventSource.substring(0, dot) : eventSource));
  }

  private static String requireText(JsonNode record, String field) {
    JsonNode value = record.get(field);
    if (value == null || value.isNull()) {
      throw new BadRecordException("missing field '" + field + "'");
    }
    if (!value.isTextual()) {
      throw new BadRecordException(
          "field '" + field + "' should be a string but is " + value.getNodeType().name().toLowerCase());
    }
    return value.asText();
  }
}
