package io.trailwatch.core.condition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * An IAM-style policy as it appears in an event. S3 records the bucket policy as a JSON object; IAM, KMS,
 * SNS, SQS, ECR and Secrets Manager record it as a JSON string (anchors.md, trap D9): both are accepted.
 */
final class PolicyDocument {
  private PolicyDocument() {}

  /** The statements of the policy at the node, or an empty list when there is no readable policy. */
  static List<JsonNode> statements(JsonNode node) {
    JsonNode policy = node;
    if (policy.isTextual()) {
      try {
        policy = Json.MAPPER.readTree(policy.asText());
      } catch (JsonProcessingException e) {
        return List.of();
      }
    }
    if (policy == null || !policy.isObject()) {
      return List.of();
    }
    JsonNode statement = policy.get("Statement");
    List<JsonNode> out = new ArrayList<>();
    if (statement == null) {
      return out;
    }
    if (statement.isArray()) {
      statement.forEach(out::add);
    } else if (statement.isObject()) {
      out.add(statement);
    }
    return out;
  }

  static boolean isAllow(JsonNode statement) {
    return "Allow".equalsIgnoreCase(Json.text(statement, "Effect"));
  }

  /** The values of a string-or-list field ("Action": "s3:*" or ["s3:GetObject", ...]). */
  static List<String> values(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(v -> out.add(v.asText()));
    } else {
      out.add(node.asText());
    }
    return out;
  }
}
