package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.map;
import static io.trailwatch.deploy.support.Template.path;

import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Policies;
import io.trailwatch.deploy.support.Policies.Statement;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * With explicit roles SAM adds no permission of its own, so whatever Lambda does with the function's role
 * must be in it, or it fails at run time and silently: writing to the function's log group, sending
 * traces, sending to its dead-letter queue or failure destination, polling its SQS event sources.
 */
final class FunctionPermissionsCheck {
  static final List<String> LOG_ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");
  static final List<String> TRACE_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
  static final List<String> POLL_ACTIONS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");

  private FunctionPermissionsCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    for (String fn : t.functions()) {
      Map<String, Object> p = t.function(fn);
      Optional<String> role = Intrinsics.target(p.get("Role"));
      if (role.isEmpty() || !t.resources().containsKey(role.get())) {
        continue; // FunctionConfigCheck reports it
      }
      List<Statement> granted = Policies.identityStatements(t).stream()
          .filter(s -> s.owner().equals(role.get()) && s.allows()).toList();
      Optional<String> logGroup = Intrinsics.ref(path(p, "LoggingConfig", "LogGroup"));
      if (logGroup.isEmpty()) {
        problems.add(fn + ": LoggingConfig.LogGroup must name a log group of this template (its retention is set there)");
      } else {
        require(problems, fn, role.get(), granted, LOG_ACTIONS, logGroup.get());
      }
      if ("Active".equals(p.get("Tracing"))) {
        require(problems, fn, role.get(), granted, TRACE_ACTIONS, "*");
      }
      Intrinsics.target(path(p, "DeadLetterQueue", "TargetArn"))
          .ifPresent(queue -> require(problems, fn, role.get(), granted, List.of("sqs:SendMessage"), queue));
      for (String outcome : List.of("OnFailure", "OnSuccess")) {
        Map<String, Object> destination = map(path(p, "EventInvokeConfig", "DestinationConfig", outcome));
        if ("SQS".equals(destination.get("Type"))) {
          Intrinsics.target(destination.get("Destination"))
              .ifPresent(queue -> require(problems, fn, role.get(), granted, List.of("sqs:SendMessage"), queue));
        }
      }
      for (Map.Entry<String, Object> event : map(p.get("Events")).entrySet()) {
        if ("SQS".equals(map(event.getValue()).get("Type"))) {
          Intrinsics.target(path(event.getValue(), "Properties", "Queue"))
              .ifPresent(queue -> require(problems, fn, role.get(), granted, POLL_ACTIONS, queue));
        }
      }
    }
    return problems;
  }

  private static void require(
      List<String> problems, String fn, String role, List<Statement> granted, List<String> actions, String resource) {
    for (String action : actions) {
      boolean allowed = granted.stream().anyMatch(s -> s.actions().contains(action)
          && s.resources().stream().anyMatch(r -> resource.equals("*") ? "*".equals(r) : Intrinsics.refersTo(r, resource)));
      if (!allowed) {
        problems.add(fn + ": its role " + role + " does not allow " + action + " on " + resource);
      }
    }
  }
}
