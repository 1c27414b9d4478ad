package io.trailwatch.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A read-only view over one EventBridge event (the envelope with {@code source}, {@code detail-type},
 * {@code account}, {@code region}, {@code time} and {@code detail}). The JSON is parsed once and every rule
 * reads the same tree; the accessors name the CloudTrail fields so rules and renderers never guess.
 */
public final class AwsEvent {
  private final ObjectNode envelope;
  private final JsonNode detail;

  public AwsEvent(ObjectNode envelope) {
    this.envelope = envelope;
    JsonNode d = envelope.get("detail");
    this.detail = d == null ? Json.MAPPER.createObjectNode() : d;
  }

  public ObjectNode envelope() {
    return envelope;
  }

  public JsonNode detail() {
    return detail;
  }

  public String source() {
    return Json.text(envelope, "source");
  }

  public String detailType() {
    return Json.text(envelope, "detail-type");
  }

  /** True for the CloudTrail detail-types (API call, console sign-in, service event). */
  public boolean isCloudTrail() {
    String type = detailType();
    return type != null && type.endsWith("via CloudTrail");
  }

  /** CloudTrail's {@code eventID}; for events without one (Config), the EventBridge event {@code id}. */
  public String eventId() {
    String id = Json.text(detail, "eventID");
    return id != null ? id : Json.text(envelope, "id");
  }

  public String eventTime() {
    String time = Json.text(detail, "eventTime");
    return time != null ? time : Json.text(envelope, "time");
  }

  public String eventSource() {
    String src = Json.text(detail, "eventSource");
    if (src != null) {
      return src;
    }
    String source = source();
    return source != null && source.startsWith("aws.") ? source.substring(4) + ".amazonaws.com" : source;
  }

  /** CloudTrail's {@code eventName}; for other events, the detail-type (e.g. "Config Rules Compliance Change"). */
  public String eventName() {
    String name = Json.text(detail, "eventName");
    return name != null ? name : detailType();
  }

  public String account() {
    String recipient = Json.text(detail, "recipientAccountId");
    if (recipient != null) {
      return recipient;
    }
    String account = Json.text(envelope, "account");
    return account != null ? account : Json.text(detail, "awsAccountId");
  }

  public String region() {
    String region = Json.text(detail, "awsRegion");
    return region != null ? region : Json.text(envelope, "region");
  }

  public String sourceIp() {
    return Json.text(detail, "sourceIPAddress");
  }

  public String userAgent() {
    return Json.text(detail, "userAgent");
  }

  /** The error code of a failed call; ConsoleLogin failures carry only an errorMessage, so that counts too. */
  public String errorCode() {
    String code = Json.text(detail, "errorCode");
    if (code != null) {
      return code;
    }
    return Json.text(detail, "errorMessage") != null ? "Error" : null;
  }

  public boolean failed() {
    return errorCode() != null;
  }

  /** The caller, or null for events that have none (Config). */
  public Principal principal() {
    JsonNode identity = detail.get("userIdentity");
    if (identity == null || !identity.isObject()) {
      return null;
    }
    String type = Json.text(identity, "type");
    String arn = Json.text(identity, "arn");
    if (arn == null && "AWSService".equals(type)) {
      arn = Json.text(identity, "invokedBy");
    }
    return new Principal(arn, type, mfa(identity));
  }

  /**
   * The ARN that identifies who is behind the call for allowlists: the role (session issuer) of a role
   * session, since the session name changes on every assume; otherwise the caller's own ARN.
   */
  public String actorArn() {
    String issuer = Json.text(detail, "userIdentity.sessionContext.sessionIssuer.arn");
    if (issuer != null) {
      return issuer;
    }
    return Json.text(detail, "userIdentity.arn");
  }

  private Boolean mfa(JsonNode identity) {
    String consoleMfa = Json.text(detail, "additionalEventData.MFAUsed");
    if (consoleMfa != null) {
      return "Yes".equalsIgnoreCase(consoleMfa);
    }
    String apiMfa = Json.text(identity, "sessionContext.attributes.mfaAuthenticated");
    if (apiMfa != null) {
      return "true".equalsIgnoreCase(apiMfa);
    }
    return null;
  }
}
