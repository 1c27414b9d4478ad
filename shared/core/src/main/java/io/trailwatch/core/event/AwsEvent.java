package io.trailwatch.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A read-only view over one EventBridge event (the envelope with {@code source}, {@code detail-type},
 * {@code account}, {@code region}, {@code time} and {@code detail}). The JSON is parsed once and every rule
 * reads the same tree; the accessors name the CloudTrail fields so rules and renderers never guess.
 */
public final class AwsEvent {
  /**
   * Built on first use for a bare CloudTrail record: most records of a log file concern no rule, and the
   * prefilter reads them through {@link #field} without it. Volatile so a lazily built envelope is seen
   * whole by another thread; two threads racing build equal envelopes around the same record.
   */
  private volatile ObjectNode envelope;
  /** The bare CloudTrail record the envelope is to be built around, or null when it was given. */
  private final JsonNode record;
  private final JsonNode detail;
  private final JsonNode sourceNode;
  private final JsonNode detailTypeNode;
  private final boolean cloudTrail;

  public AwsEvent(ObjectNode envelope) {
    this.envelope = envelope;
    this.record = null;
    JsonNode d = envelope.get("detail");
    this.detail = d == null ? Json.MAPPER.createObjectNode() : d;
    this.sourceNode = envelope.get("source");
    this.detailTypeNode = envelope.get("detail-type");
    this.cloudTrail = endsWithViaCloudTrail(detailTypeNode);
  }

  /** A bare CloudTrail record whose envelope fields are already known ({@link Envelopes}). */
  AwsEvent(JsonNode record, JsonNode source, JsonNode detailType) {
    this.record = record;
    this.detail = record;
    this.sourceNode = source;
    this.detailTypeNode = detailType;
    this.cloudTrail = endsWithViaCloudTrail(detailType);
  }

  private static boolean endsWithViaCloudTrail(JsonNode type) {
    return type != null && type.isTextual() && type.asText().endsWith("via CloudTrail");
  }

  /** The EventBridge envelope, as EventBridge delivers it (for a bare record, as it would have). */
  public ObjectNode envelope() {
    ObjectNode e = envelope;
    if (e == null) {
      e = Envelopes.wrap(record, sourceNode, detailTypeNode);
      envelope = e;
    }
    return e;
  }

  /**
   * One top-level field of the envelope ({@code detail}, {@code source}, {@code account}...), without
   * building the envelope of a bare record for the three most read ones.
   */
  public JsonNode field(String name) {
    if (name.equals("detail")) {
      return record != null ? record : envelope.get("detail");
    }
    if (name.equals("source")) {
      return sourceNode;
    }
    if (name.equals("detail-type")) {
      return detailTypeNode;
    }
    return envelope().get(name);
  }

  /**
   * The value at a dotted path from the envelope's top ({@code detail.userIdentity.arn}), alternatives
   * {@code a|b} taking the first present, as {@link Json#at} on {@link #envelope()} gives it, without
   * building a bare record's envelope for paths under {@code detail}, {@code source} or {@code detail-type}.
   */
  public JsonNode at(String dottedPath) {
    int bar = dottedPath.indexOf('|');
    if (bar >= 0) {
      JsonNode first = at(dottedPath.substring(0, bar));
      return first.isMissingNode() ? at(dottedPath.substring(bar + 1)) : first;
    }
    String[] steps = Json.steps(dottedPath);
    return Json.follow(field(steps[0]), steps, 1);
  }

  /** The text of the scalar at a dotted path ({@link #at}), or null when absent, null or not a scalar. */
  public String text(String dottedPath) {
    JsonNode node = at(dottedPath);
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  public JsonNode detail() {
    return detail;
  }

  public String source() {
    return sourceNode != null && sourceNode.isValueNode() && !sourceNode.isNull() ? sourceNode.asText() : null;
  }

  public String detailType() {
    return detailTypeNode != null && detailTypeNode.isValueNode() && !detailTypeNode.isNull()
        ? detailTypeNode.asText() : null;
  }

  /** True for the CloudTrail detail-types (API call, console sign-in, service event). */
  public boolean isCloudTrail() {
    return cloudTrail;
  }

  /** CloudTrail's {@code eventID}; for events without one (Config), the EventBridge event {@code id}. */
  public String eventId() {
    String id = Json.text(detail, "eventID");
    return id != null ? id : Json.text(envelope(), "id");
  }

  public String eventTime() {
    String time = Json.text(detail, "eventTime");
    return time != null ? time : Json.text(envelope(), "time");
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
    String account = Json.text(envelope(), "account");
    return account != null ? account : Json.text(detail, "awsAccountId");
  }

  public String region() {
    String region = Json.text(detail, "awsRegion");
    return region != null ? region : Json.text(envelope(), "region");
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
