package io.trailwatch.deploy.support;

import static io.trailwatch.deploy.support.Template.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The EventBridge rules SAM generates from the functions' EventBridgeRule (and CloudWatchEvent) events. */
public final class EventBridgeRules {
  static final Set<String> TYPES = Set.of("EventBridgeRule", "CloudWatchEvent");

  private EventBridgeRules() {}

  /**
   * One rule: SAM names the generated AWS::Events::Rule {@code function + event} (DetectFunctionConfigChanges).
   */
  public record Rule(String function, String event, Map<String, Object> properties) {
    public String logicalId() {
      return function + event;
    }

    public Object pattern() {
      return properties.get("Pattern");
    }

    /** The values State can take (Fn::If expanded); a rule without State is ENABLED. */
    public List<String> states() {
      Object state = properties.get("State");
      return state == null ? List.of("ENABLED") : Intrinsics.branches(state).stream().map(String::valueOf).toList();
    }
  }

  public static List<Rule> of(Template t) {
    List<Rule> rules = new ArrayList<>();
    for (String fn : t.functions()) {
      rules.addAll(of(t, fn));
    }
    return rules;
  }

  public static List<Rule> of(Template t, String function) {
    List<Rule> rules = new ArrayList<>();
    for (Map.Entry<String, Object> event : map(t.function(function).get("Events")).entrySet()) {
      Map<String, Object> body = map(event.getValue());
      if (TYPES.contains(String.valueOf(body.get("Type")))) {
        rules.add(new Rule(function, event.getKey(), map(body.get("Properties"))));
      }
    }
    return rules;
  }
}
