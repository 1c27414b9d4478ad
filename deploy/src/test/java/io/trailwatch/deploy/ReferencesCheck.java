package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.map;

import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What CloudFormation would refuse only at deploy time: a Ref, GetAtt or ${} naming nothing (a parameter,
 * a pseudo parameter, a resource, or a resource SAM generates: <Function><Event> for its events), a GetAtt
 * attribute the resource type does not have, a condition that is not declared, a dependency cycle.
 */
final class ReferencesCheck {
  static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
      "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
  static final Map<String, Set<String>> ATTRIBUTES = Map.of(
      "AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl"),
      "AWS::SNS::Topic", Set.of("TopicArn", "TopicName"),
      "AWS::KMS::Key", Set.of("Arn", "KeyId"),
      "AWS::DynamoDB::Table", Set.of("Arn", "StreamArn"),
      "AWS::Logs::LogGroup", Set.of("Arn"),
      "AWS::IAM::Role", Set.of("Arn", "RoleId"),
      "AWS::Events::Rule", Set.of("Arn"),
      "AWS::Serverless::Function", Set.of("Arn"));

  private ReferencesCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    t.resources().keySet().forEach(id -> types.put(id, t.type(id)));
    Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
    for (String id : t.resources().keySet()) {
      Map<String, Object> resource = map(t.resource(id));
      Map<String, Object> props = new LinkedHashMap<>(t.properties(id));
      if ("AWS::Serverless::Function".equals(types.get(id))) {
        // SAM turns each event into resources of their own (<Function><Event>) that depend on the function.
        for (Map.Entry<String, Object> event : map(props.remove("Events")).entrySet()) {
          String generated = id + event.getKey();
          String type = String.valueOf(map(event.getValue()).get("Type"));
          types.put(generated, type.equals("EventBridgeRule") || type.equals("CloudWatchEvent") || type.equals("Schedule")
              ? "AWS::Events::Rule" : "SAM " + type + " event");
          Set<String> needs = new LinkedHashSet<>(Intrinsics.references(event.getValue()));
          needs.add(id);
          dependsOn.put(generated, needs);
        }
      }
      Set<String> needs = new LinkedHashSet<>(Intrinsics.references(props));
      Intrinsics.asList(resource.get("DependsOn")).forEach(d -> needs.add(String.valueOf(d)));
      dependsOn.put(id, needs);
    }
    for (String section : List.of("Globals", "Conditions", "Outputs")) {
      dependsOn.put(section, Intrinsics.references(t.section(section)));
    }
    Set<String> known = new HashSet<>(types.keySet());
    known.addAll(t.parameters().keySet());
    known.addAll(PSEUDO);
    for (Map.Entry<String, Set<String>> entry : dependsOn.entrySet()) {
      for (String name : entry.getValue()) {
        if (!known.contains(name) && !isSamFunctionProperty(t, name)) {
          problems.add(entry.getKey() + " refers to " + name + ", which is not a parameter or resource of this template");
        }
      }
    }
    checkAttributes(t.root(), types, problems);
    checkConditions(t, problems);
    findCycle(dependsOn, types.keySet())
        .ifPresent(cycle -> problems.add("dependency cycle: " + String.join(" -> ", cycle)));
    return problems;
  }

  /** SAM lets a template Ref MyFunction.Alias and MyFunction.Version. */
  private static boolean isSamFunctionProperty(Template t, String name) {
    int dot = name.indexOf('.');
    return dot > 0 && "AWS::Serverless::Function".equals(t.type(name.substring(0, dot)))
        && Set.of("Alias", "Version").contains(name.substring(dot + 1));
  }

  private static void checkAttributes(Object value, Map<String, String> types, List<String> problems) {
    Intrinsics.getAtt(value).filter(att -> att.size() == 2).ifPresent(att -> {
      Set<String> allowed = ATTRIBUTES.getOrDefault(String.valueOf(types.get(att.get(0))), null);
      if (allowed != null && !allowed.contains(att.get(1))) {
        problems.add("!GetAtt " + att.get(0) + "." + att.get(1) + ": a " + types.get(att.get(0)) + " has " + allowed);
      }
    });
    if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> checkAttributes(v, types, problems));
    } else if (value instanceof List<?> l) {
      l.forEach(v -> checkAttributes(v, types, problems));
    }
  }

  private static void checkConditions(Template t, List<String> problems) {
    Set<String> used = new LinkedHashSet<>();
    t.resources().values().forEach(r -> {
      if (map(r).get("Condition") instanceof String c) {
        used.add(c);
      }
      collectIfConditions(r, used);
    });
    collectIfConditions(t.section("Outputs"), used);
    for (String condition : used) {
      if (!t.conditions().containsKey(condition)) {
        problems.add("condition " + condition + " is used but not declared under Conditions");
      }
    }
  }

  private static void collectIfConditions(Object value, Set<String> out) {
    Intrinsics.argument(value, "Fn::If").filter(List.class::isInstance).map(List.class::cast)
        .filter(args -> !args.isEmpty()).ifPresent(args -> out.add(String.valueOf(args.get(0))));
    if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectIfConditions(v, out));
    } else if (value instanceof List<?> l) {
      l.forEach(v -> collectIfConditions(v, out));
    }
  }

  private static java.util.Optional<List<String>> findCycle(Map<String, Set<String>> graph, Set<String> nodes) {
    Map<String, Integer> state = new LinkedHashMap<>(); // 1 visiting, 2 done
    for (String start : nodes) {
      List<String> cycle = visit(start, graph, state, new ArrayList<>());
      if (cycle != null) {
        return java.util.Optional.of(cycle);
      }
    }
    return java.util.Optional.empty();
  }

  private static List<String> visit(
      String node, Map<String, Set<String>> graph, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return null;
    }
    path.add(node);
    if (s != null && s == 1) {
      return new ArrayList<>(path.subList(path.indexOf(node), path.size()));
    }
    state.put(node, 1);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (graph.containsKey(next)) {
        List<String> cycle = visit(next, graph, state, path);
        if (cycle != null) {
          return cycle;
        }
      }
    }
    state.put(node, 2);
    path.remove(path.size() - 1);
    return null;
  }
}
