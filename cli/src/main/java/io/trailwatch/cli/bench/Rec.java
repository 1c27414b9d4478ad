package io.trailwatch.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Builds one CloudTrail record with every field CloudTrail writes, in CloudTrail's order.
 *
 * <p>Why a builder: the fields every record shares (version, identity, time, region, ids, tlsDetails,
 * category...) are where hand-written samples usually go wrong or go missing, so templates state only what
 * is particular to their call and this class adds the rest. The record is rendered when its time comes
 * ({@link #build}), so the identity's session and every date are consistent with {@code eventTime}.
 */
final class Rec {
  private final Caller caller;
  private final String service;
  private final String eventName;
  private final String region;
  private boolean readOnly;
  private JsonNode request;
  private JsonNode response;
  private JsonNode additional;
  private String errorCode;
  private String errorMessage;
  private boolean denied;
  private String deniedResource;
  private ArrayNode resources;
  private String eventType = "AwsApiCall";
  private boolean sharedEventId;
  private JsonNode serviceEventDetails;
  private boolean s3Style;
  private boolean withRequestId = true;
  private boolean withTls = true;

  private Rec(Caller caller, String service, String eventName, String region) {
    this.caller = caller;
    this.service = service;
    this.eventName = eventName;
    this.region = Apis.GLOBAL.contains(service) ? "us-east-1" : region;
  }

  /** An API call; {@code service} is the eventSource prefix (ec2, monitoring, ...). */
  static Rec call(Caller caller, String service, String eventName, String region) {
    return new Rec(caller, service, eventName, region);
  }

  Rec read() {
    readOnly = true;
    return this;
  }

  Rec req(JsonNode requestParameters) {
    this.request = requestParameters;
    return this;
  }

  Rec resp(JsonNode responseElements) {
    this.response = responseElements;
    return this;
  }

  Rec extra(JsonNode additionalEventData) {
    this.additional = additionalEventData;
    return this;
  }

  Rec resource(String type, String arn) {
    if (resources == null) {
      resources = J.F.arrayNode();
    }
    resources.add(J.o("accountId", Caller.ACCOUNT, "type", type, "ARN", arn));
    return this;
  }

  Rec error(String code, String message) {
    this.errorCode = code;
    this.errorMessage = message;
    return this;
  }

  /** Fails the call the way an IAM denial does for this service; the message names the caller's ARN. */
  Rec denied(String resourceArn) {
    this.denied = true;
    this.deniedResource = resourceArn;
    return this;
  }

  Rec sharedEventId() {
    this.sharedEventId = true;
    return this;
  }

  /** An AwsServiceEvent: no request id, no TLS, details in serviceEventDetails. */
  Rec serviceEvent(JsonNode details) {
    this.eventType = "AwsServiceEvent";
    this.serviceEventDetails = details;
    this.withRequestId = false;
    this.withTls = false;
    return this;
  }

  /** An AwsConsoleSignIn: sign-in events carry no request id. */
  Rec signIn() {
    this.eventType = "AwsConsoleSignIn";
    this.withRequestId = false;
    return this;
  }

  /** S3's flavour: a 16-character request id and the signature details in additionalEventData. */
  Rec s3() {
    this.s3Style = true;
    return this;
  }

  /** S3's flavour for a call on one bucket, which CloudTrail lists in resources. */
  Rec s3(String bucket) {
    return s3().resource("AWS::S3::Bucket", "arn:aws:s3:::" + bucket);
  }

  ObjectNode build(Instant t, Rng rng) {
    ObjectNode r = J.F.objectNode();
    r.put("eventVersion", Apis.eventVersion(service));
    r.set("userIdentity", caller.identity(t));
    r.put("eventTime", Times.iso(t));
    r.put("eventSource", service + ".amazonaws.com");
    r.put("eventName", eventName);
    r.put("awsRegion", region);
    r.put("sourceIPAddress", caller.sourceIp());
    r.put("userAgent", caller.userAgent(service, eventName, region));
    if (denied) {
      r.put("errorCode", Apis.deniedCode(service));
      r.put("errorMessage", deniedMessage(t, rng));
    } else if (errorCode != null) {
      r.put("errorCode", errorCode);
      r.put("errorMessage", errorMessage);
    }
    r.set("requestParameters", request == null ? J.F.nullNode() : request);
    r.set("responseElements", response == null || denied ? J.F.nullNode() : response);
    JsonNode extra = additional;
    if (s3Style) {
      ObjectNode s3 =
          J.o(
              "SignatureVersion", "SigV4",
              "CipherSuite", "TLS_AES_128_GCM_SHA256",
              "bytesTransferredIn", 0,
              "AuthenticationMethod", "AuthHeader",
              "x-amz-id-2", rng.base64(76),
              "bytesTransferredOut", readOnly ? rng.between(120, 2400) : 0);
      if (additional instanceof ObjectNode more) {
        s3.setAll(more);
      }
      extra = s3;
    }
    if (extra != null) {
      r.set("additionalEventData", extra);
    }
    if (withRequestId) {
      r.put("requestID", s3Style ? rng.s3RequestId() : rng.uuid());
    }
    r.put("eventID", rng.uuid());
    r.put("readOnly", readOnly);
    if (resources != null) {
      r.set("resources", resources);
    }
    r.put("eventType", eventType);
    r.put("managementEvent", true);
    r.put("recipientAccountId", Caller.ACCOUNT);
    if (sharedEventId) {
      r.put("sharedEventID", rng.uuid());
    }
    if (serviceEventDetails != null) {
      r.set("serviceEventDetails", serviceEventDetails);
    }
    r.put("eventCategory", "Management");
    boolean fromService =
        caller.invokedBy() != null
            || caller.kind == Caller.Kind.AWS_SERVICE
            || caller.kind == Caller.Kind.INTERNAL;
    if (withTls && !fromService) {
      boolean tls13 = rng.chance(0.8);
      r.set(
          "tlsDetails",
          J.o(
              "tlsVersion", tls13 ? "TLSv1.3" : "TLSv1.2",
              "cipherSuite", tls13 ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256",
              "clientProvidedHostHeader", Apis.host(service, region)));
    }
    if (caller.console() && "AwsApiCall".equals(eventType)) {
      r.put("sessionCredentialFromConsole", "true");
    }
    return r;
  }

  private String deniedMessage(Instant t, Rng rng) {
    String action = Apis.action(service, eventName);
    if ("s3".equals(service)) {
      return "Access Denied";
    }
    String core =
        "User: "
            + caller.arn(t)
            + " is not authorized to perform: "
            + action
            + (deniedResource == null ? "" : " on resource: " + deniedResource)
            + " because no identity-based policy allows the "
            + action
            + " action";
    if ("ec2".equals(service)) {
      return "You are not authorized to perform this operation. "
          + core
          + ". Encoded authorization failure message: "
          + rng.base64(360);
    }
    return core;
  }
}
