package io.trailwatch.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.deploy.support.EventBridgeRules;
import io.trailwatch.deploy.support.EventBridgeRules.Rule;
import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * Every EventBridge rule's Pattern is literal JSON (no intrinsic function: what is tested is what is
 * deployed) that Event Ruler, the library behind EventBridge's matching, compiles; each rule retries and
 * has a dead-letter queue.
 */
final class EventPatternCheck {
  static final ObjectMapper JSON = new ObjectMapper();

  private EventPatternCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    for (Rule rule : EventBridgeRules.of(t)) {
      String where = rule.function() + " event " + rule.event();
      if (!(rule.pattern() instanceof Map<?, ?> pattern) || pattern.isEmpty()) {
        problems.add(where + ": Pattern must be a non-empty mapping, is " + rule.pattern());
        continue;
      }
      if (containsIntrinsic(pattern)) {
        problems.add(where + ": Pattern must be literal (no !Ref, !Sub, !If...): it is matched offline as written");
        continue;
      }
      String error = JsonRuleCompiler.check(json(pattern));
      if (error != null) {
        problems.add(where + ": Event Ruler rejects the pattern: " + error);
      }
      Map<String, Object> retry = Template.map(rule.properties().get("RetryPolicy"));
      if (!(retry.get("MaximumRetryAttempts") instanceof Integer attempts) || attempts < 0 || attempts > 185
          || !(retry.get("MaximumEventAgeInSeconds") instanceof Integer age) || age < 60 || age > 86400) {
        problems.add(where + ": needs RetryPolicy with MaximumRetryAttempts 0-185 and MaximumEventAgeInSeconds 60-86400");
      }
      Map<String, Object> dlq = Template.map(rule.properties().get("DeadLetterConfig"));
      if (!dlq.containsKey("Arn") && !dlq.containsKey("Type")) {
        problems.add(where + ": needs a DeadLetterConfig (Arn of a queue of this template, or Type: SQS)");
      }
    }
    return problems;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean containsIntrinsic(Object value) {
    if (Intrinsics.isIntrinsic(value)) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(EventPatternCheck::containsIntrinsic);
    }
    return value instanceof List<?> list && list.stream().anyMatch(EventPatternCheck::containsIntrinsic);
  }
}
