package io.trailwatch.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks the shape of an event before any rule sees it, so a record with a missing or mistyped field is
 * reported once with a reason instead of silently matching nothing (or throwing inside a rule).
 */
public final class EventValidator {
  private EventValidator() {}

  /**
   * Turns one parsed JSON value into an event: a CloudTrail record is wrapped, an EventBridge event is
   * checked as is.
   *
   * @throws BadRecordException naming the field and the problem
   */
  public static AwsEvent toEvent(JsonNode node) {
    if (!node.isObject()) {
      throw new BadRecordException(
          "expected a JSON object but found " + node.getNodeType().name().toLowerCase());
    }
    AwsEvent event;
    if (Envelopes.isCloudTrailRecord(node)) {
      event = Envelopes.cloudTrailEvent(node);
    } else {
      ObjectNode envelope = (ObjectNode) node;
      requireText(envelope, "source", "");
      requireText(envelope, "detail-type", "");
      JsonNode detail = envelope.get("detail");
      if (detail == null || detail.isNull()) {
        throw new BadRecordException("missing field 'detail'");
      }
      if (!detail.isObject()) {
        throw new BadRecordException(
            "field 'detail' should be an object but is " + detail.getNodeType().name().toLowerCase());
      }
      event = new AwsEvent(envelope);
    }
    if (event.isCloudTrail()) {
      JsonNode detail = event.detail();
      requireText(detail, "eventName", "detail.");
      requireText(detail, "eventSource", "detail.");
      optionalType(detail, "eventTime", "detail.", true);
      optionalObject(detail, "userIdentity");
      optionalObject(detail, "requestParameters");
      optionalObject(detail, "responseElements");
      optionalObject(detail, "additionalEventData");
    }
    return event;
  }

  private static void requireText(JsonNode node, String field, String prefix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new BadRecordException("missing field '" + prefix + field + "'");
    }
    if (!value.isTextual()) {
      throw new BadRecordException(
          "field '" + prefix + field + "' should be a string but is " + kind(value));
    }
  }

  private static void optionalType(JsonNode node, String field, String prefix, boolean text) {
    JsonNode value = node.get(field);
    if (value != null && !value.isNull() && text && !value.isTextual()) {
      throw new BadRecordException(
          "field '" + prefix + field + "' should be a string but is " + kind(value));
    }
  }

  private static void optionalObject(JsonNode detail, String field) {
    JsonNode value = detail.get(field);
    if (value != null && !value.isNull() && !value.isObject()) {
      throw new BadRecordException(
          "field 'detail." + field + "' should be an object but is " + kind(value));
    }
  }

  private static String kind(JsonNode value) {
    return value.getNodeType().name().toLowerCase();
  }
}
