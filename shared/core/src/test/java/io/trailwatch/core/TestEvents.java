package io.trailwatch.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.event.EventValidator;
import io.trailwatch.core.event.Json;

/** Builds CloudTrail records and EventBridge events for tests, shaped as AWS writes them. */
public final class TestEvents {
  private TestEvents() {}

  /** A raw CloudTrail record (as in a log file in S3) of an IAM user's successful API call. */
  public static ObjectNode record(String eventSource, String eventName, String requestParametersJson) {
    try {
      return (ObjectNode)
          Json.MAPPER.readTree(
              """
              {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE000001",
               "arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333",
               "accessKeyId":"AKIAEXAMPLE0000001","userName":"alice"},
               "eventTime":"2026-03-14T10:00:00Z","eventSource":"%s","eventName":"%s",
               "awsRegion":"us-east-1","sourceIPAddress":"198.51.100.10","userAgent":"aws-cli/2.15.30",
               "requestParameters":%s,"responseElements":null,"requestID":"r-1",
               "eventID":"e-%s","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,
               "recipientAccountId":"111122223333","eventCategory":"Management"}
              """
                  .formatted(eventSource, eventName, requestParametersJson, eventName));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static AwsEvent event(String eventSource, String eventName, String requestParametersJson) {
    return EventValidator.toEvent(record(eventSource, eventName, requestParametersJson));
  }

  public static AwsEvent fromJson(String json) {
    try {
      return EventValidator.toEvent(Json.MAPPER.readTree(json));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
  /** A role session's API call (Lambda code update), optionally invoked by an AWS service. */
  public static String roleSession(String roleArn, String invokedBy) {
    String role = roleArn.substring(roleArn.indexOf('/') + 1);
    return """
        {"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROA1:s",
         "arn":"arn:aws:sts::111122223333:assumed-role/%s/session-1","accountId":"111122223333",
         %s
         "sessionContext":{"sessionIssuer":{"type":"Role","arn":"%s","userName":"%s"}}},
         "eventTime":"2026-03-14T10:00:00Z","eventSource":"lambda.amazonaws.com",
         "eventName":"UpdateFunctionCode20150331v2","awsRegion":"us-east-1","eventID":"e1",
         "eventType":"AwsApiCall","recipientAccountId":"111122223333"}
        """.formatted(role, invokedBy == null ? "" : "\"invokedBy\":\"" + invokedBy + "\",", roleArn, role);
  }

}
