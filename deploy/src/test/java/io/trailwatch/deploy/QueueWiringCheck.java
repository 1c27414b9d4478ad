package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.map;
import static io.trailwatch.deploy.support.Template.path;

import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The findings queue and its consumer: the router reads FindingsQueue in batches of 10 (5 s window) and
 * reports partial batch failures; every SQS-triggered function's queue hides a message for at least six
 * times the function's timeout (Lambda's guidance; less fails the deployment or redelivers messages still
 * being handled); a redrive moves a message after a few tries to a queue that keeps it longer than the
 * source did (a moved message keeps its first enqueue time).
 */
final class QueueWiringCheck {
  static final int SQS_DEFAULT_RETENTION = 345600;

  private QueueWiringCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    if (t.resources().containsKey("RouteFunction")) {
      boolean contract = map(t.function("RouteFunction").get("Events")).values().stream().map(Template::map)
          .filter(e -> "SQS".equals(e.get("Type"))).map(e -> map(e.get("Properties")))
          .anyMatch(p -> Intrinsics.refersTo(p.get("Queue"), "FindingsQueue")
              && Integer.valueOf(10).equals(p.get("BatchSize"))
              && Integer.valueOf(5).equals(p.get("MaximumBatchingWindowInSeconds"))
              && Intrinsics.asList(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"));
      if (!contract) {
        problems.add("RouteFunction needs an SQS event on FindingsQueue with BatchSize 10, MaximumBatchingWindowInSeconds 5"
            + " and FunctionResponseTypes [ReportBatchItemFailures]");
      }
    }
    for (String fn : t.functions()) {
      Map<String, Object> p = t.function(fn);
      for (Map.Entry<String, Object> event : map(p.get("Events")).entrySet()) {
        if (!"SQS".equals(map(event.getValue()).get("Type"))) {
          continue;
        }
        Optional<String> queue = Intrinsics.target(path(event.getValue(), "Properties", "Queue"));
        if (queue.isEmpty() || !"AWS::SQS::Queue".equals(t.type(queue.get()))) {
          problems.add(fn + " event " + event.getKey() + ": Queue must be !GetAtt <a queue of this template>.Arn");
          continue;
        }
        Object visibility = t.properties(queue.get()).get("VisibilityTimeout");
        int timeout = p.get("Timeout") instanceof Integer i ? i : 3;
        if (!(visibility instanceof Integer v) || v < 6 * timeout) {
          problems.add(queue.get() + ": VisibilityTimeout must be at least 6 x " + fn + "'s Timeout (" + 6 * timeout
              + " s), is " + visibility);
        }
      }
    }
    for (String queue : t.idsOfType("AWS::SQS::Queue")) {
      Map<String, Object> redrive = map(t.properties(queue).get("RedrivePolicy"));
      if (redrive.isEmpty()) {
        continue;
      }
      if (!(redrive.get("maxReceiveCount") instanceof Integer count) || count < 1) {
        problems.add(queue + ": RedrivePolicy needs a maxReceiveCount of at least 1");
      }
      Optional<String> dlq = Intrinsics.target(redrive.get("deadLetterTargetArn"));
      if (dlq.isPresent() && retention(t, dlq.get()) <= retention(t, queue)) {
        problems.add(dlq.get() + ": MessageRetentionPeriod must exceed " + queue + "'s, or moved messages expire early");
      }
    }
    return problems;
  }

  private static int retention(Template t, String queue) {
    return t.properties(queue).get("MessageRetentionPeriod") instanceof Integer i ? i : SQS_DEFAULT_RETENTION;
  }
}
