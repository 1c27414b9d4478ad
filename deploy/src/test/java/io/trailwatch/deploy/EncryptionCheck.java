package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.map;
import static io.trailwatch.deploy.support.Template.path;

import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encryption at rest everywhere, and the state table set up to cost nothing idle and lose nothing:
 * queues SSE-SQS or SSE-KMS; topics SSE-KMS, with a key of this stack when alarms publish to them
 * (CloudWatch cannot use alias/aws/sns); tables on demand, with TTL, point-in-time recovery and SSE;
 * keys rotated.
 */
final class EncryptionCheck {
  private EncryptionCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    for (String queue : t.idsOfType("AWS::SQS::Queue")) {
      Map<String, Object> p = t.properties(queue);
      if (!Boolean.TRUE.equals(p.get("SqsManagedSseEnabled")) && p.get("KmsMasterKeyId") == null) {
        problems.add(queue + ": set SqsManagedSseEnabled: true (or KmsMasterKeyId)");
      }
    }
    List<Object> alarmActions = new ArrayList<>();
    for (String alarm : t.idsOfType("AWS::CloudWatch::Alarm")) {
      alarmActions.addAll(Intrinsics.asList(t.properties(alarm).get("AlarmActions")));
    }
    for (String topic : t.idsOfType("AWS::SNS::Topic")) {
      Object key = t.properties(topic).get("KmsMasterKeyId");
      if (key == null) {
        problems.add(topic + ": set KmsMasterKeyId");
      } else if (alarmActions.stream().anyMatch(a -> Intrinsics.refersTo(a, topic))
          && Intrinsics.target(key).map(k -> !"AWS::KMS::Key".equals(t.type(k))).orElse(true)) {
        problems.add(topic + ": alarms publish to it, so its KmsMasterKeyId must be a key of this template whose policy"
            + " lets cloudwatch.amazonaws.com use it (an AWS managed key such as alias/aws/sns cannot), is " + key);
      }
    }
    for (String table : t.idsOfType("AWS::DynamoDB::Table")) {
      Map<String, Object> p = t.properties(table);
      expect(problems, table, "BillingMode", p.get("BillingMode"), "PAY_PER_REQUEST");
      expect(problems, table, "TimeToLiveSpecification.Enabled", path(p, "TimeToLiveSpecification", "Enabled"), true);
      expect(problems, table, "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
          path(p, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"), true);
      expect(problems, table, "SSESpecification.SSEEnabled", path(p, "SSESpecification", "SSEEnabled"), true);
      if (map(p.get("TimeToLiveSpecification")).get("AttributeName") == null) {
        problems.add(table + ": TimeToLiveSpecification needs its AttributeName");
      }
    }
    for (String key : t.idsOfType("AWS::KMS::Key")) {
      expect(problems, key, "EnableKeyRotation", t.properties(key).get("EnableKeyRotation"), true);
    }
    return problems;
  }

  private static void expect(List<String> problems, String id, String property, Object actual, Object expected) {
    if (!expected.equals(actual)) {
      problems.add(id + ": " + property + " must be " + expected + ", is " + actual);
    }
  }
}
