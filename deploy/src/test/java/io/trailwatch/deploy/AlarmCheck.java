package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.map;
import static io.trailwatch.deploy.support.Template.path;

import io.trailwatch.deploy.support.EventBridgeRules;
import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monitor watches itself: every dead-letter queue (of a queue's redrive policy, an EventBridge rule or
 * a function) has an alarm on its visible messages, every function has an alarm on its Errors, and every
 * alarm notifies an SNS topic of this template.
 */
final class AlarmCheck {
  private AlarmCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    List<String> alarms = t.idsOfType("AWS::CloudWatch::Alarm");
    for (String alarm : alarms) {
      List<Object> actions = Intrinsics.asList(t.properties(alarm).get("AlarmActions"));
      boolean notifiesTopic = actions.stream()
          .anyMatch(a -> Intrinsics.ref(a).map(id -> "AWS::SNS::Topic".equals(t.type(id))).orElse(false));
      if (!notifiesTopic) {
        problems.add(alarm + ": AlarmActions must notify an SNS topic of this template, is " + actions);
      }
    }
    for (String queue : deadLetterQueues(t)) {
      if (alarms.stream().noneMatch(
          a -> watches(t.properties(a), "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", queue))) {
        problems.add(queue + " is a dead-letter queue without an alarm on AWS/SQS ApproximateNumberOfMessagesVisible > 0"
            + " (Dimension QueueName: !GetAtt " + queue + ".QueueName)");
      }
    }
    for (String fn : t.functions()) {
      if (alarms.stream().noneMatch(a -> watches(t.properties(a), "AWS/Lambda", "Errors", "FunctionName", fn))) {
        problems.add(fn + " has no alarm on AWS/Lambda Errors (Dimension FunctionName: !Ref " + fn + ")");
      }
    }
    return problems;
  }

  /** Queues that receive what failed: redrive targets, EventBridge rule DLQs, function DLQs and failure destinations. */
  static Set<String> deadLetterQueues(Template t) {
    Set<String> queues = new LinkedHashSet<>();
    for (String q : t.idsOfType("AWS::SQS::Queue")) {
      Intrinsics.target(path(t.properties(q), "RedrivePolicy", "deadLetterTargetArn")).ifPresent(queues::add);
    }
    for (EventBridgeRules.Rule rule : EventBridgeRules.of(t)) {
      Intrinsics.target(map(rule.properties().get("DeadLetterConfig")).get("Arn")).ifPresent(queues::add);
    }
    for (String fn : t.functions()) {
      Map<String, Object> p = t.function(fn);
      Intrinsics.target(path(p, "DeadLetterQueue", "TargetArn")).ifPresent(queues::add);
      Intrinsics.target(path(p, "EventInvokeConfig", "DestinationConfig", "OnFailure", "Destination"))
          .filter(id -> "AWS::SQS::Queue".equals(t.type(id))).ifPresent(queues::add);
    }
    return queues;
  }

  private static boolean watches(Map<String, Object> alarm, String namespace, String metric, String dimension, String id) {
    if (!namespace.equals(alarm.get("Namespace")) || !metric.equals(alarm.get("MetricName"))) {
      return false;
    }
    boolean dimensionMatches = Intrinsics.asList(alarm.get("Dimensions")).stream().map(Template::map)
        .anyMatch(d -> dimension.equals(d.get("Name")) && Intrinsics.refersTo(d.get("Value"), id));
    return dimensionMatches && firesOnFirst(alarm);
  }

  /** Fires on one message or one error: "> 0" (or "> 0.5"), or ">= 1". */
  private static boolean firesOnFirst(Map<String, Object> alarm) {
    if (!(alarm.get("Threshold") instanceof Number threshold)) {
      return false;
    }
    return switch (String.valueOf(alarm.get("ComparisonOperator"))) {
      case "GreaterThanThreshold" -> threshold.doubleValue() < 1;
      case "GreaterThanOrEqualToThreshold" -> threshold.doubleValue() <= 1;
      default -> false;
    };
  }
}
