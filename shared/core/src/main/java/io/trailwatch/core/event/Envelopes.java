package io.trailwatch.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Wraps a raw CloudTrail record (as it lies in a log file in S3) into the envelope EventBridge would have
 * delivered for it, so one rule pattern serves Lambda and replays of old logs alike.
 */
public final class Envelopes {
  private static final Map<String, String> DETAIL_TYPES =
      Map.of(
          "AwsApiCall", "AWS API Call via CloudTrail",
          "AwsConsoleSignIn", "AWS Console Sign In via CloudTrail",
          "AwsServiceEvent", "AWS Service Event via CloudTrail",
          "AwsConsoleAction", "AWS Console Action via CloudTrail",
          "AwsVpceEvent", "AWS VPCE Event via CloudTrail");

  private Envelopes() {}

  /** True when the object looks like a bare CloudTrail record rather than an EventBridge envelope. */
  public static boolean isCloudTrailRecord(JsonNode node) {
    return node.isObject() && node.has("eventSource") && !node.has("detail");
  }

  /**
   * Builds the envelope around the record without copying it: {@code source} is {@code aws.} plus the
   * service prefix of {@code eventSource}, {@code detail-type} comes from {@code eventType}.
   *
   * @throws BadRecordException when the record lacks what the envelope is made of
   */
  public static ObjectNode wrapCloudTrailRecord(JsonNode record) {
    String eventSource = requireText(record, "eventSource");
    String eventType = requireText(record, "eventType");
    String detailType = DETAIL_TYPES.get(eventType);
    if (detailType == null) {
      throw new BadRecordException("unknown eventType '" + eventType + "'");
    }
    int dot = eventSource.indexOf('.');
    String service = dot > 0 ? eventSource.substring(0, dot) : eventSource;
    ObjectNode envelope = Json.MAPPER.createObjectNode();
    envelope.put("version", "0");
    String eventId = Json.text(record, "eventID");
    if (eventId != null) {
      envelope.put("id", eventId);
    }
    envelope.put("detail-type", detailType);
    envelope.put("source", "aws." + service);
    String account = Json.text(record, "recipientAccountId");
    if (account == null) {
      account = Json.text(record, "userIdentity.accountId");
    }
    if (account != null) {
      envelope.put("account", account);
    }
    String time = Json.text(record, "eventTime");
    if (time != null) {
      envelope.put("time", time);
    }
    String region = Json.text(record, "awsRegion");
    if (region != null) {
      envelope.put("region", region);
    }
    envelope.putArray("resources");
    envelope.set("detail", record);
    return envelope;
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
