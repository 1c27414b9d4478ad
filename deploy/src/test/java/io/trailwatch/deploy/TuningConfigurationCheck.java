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
 * The tuning configuration in Parameter Store: parameter {@value #PARAMETER} (a name starting with "/",
 * empty by default), passed to both functions; each role may {@code ssm:GetParameter} on exactly that
 * parameter's ARN, and only when it is set (a statement under an Fn::If on a condition that says so), with
 * no other SSM action; each function's log group counts {@code configuration rejected...} lines into
 * {@value #NAMESPACE}/{@value #REJECTED}, alarmed to a topic of the stack; the detector's counts
 * {@code finding suppressed} lines into {@value #SUPPRESSED} by suppression id.
 */
final class TuningConfigurationCheck {
  static final String PARAMETER = "ConfigParameterName";
  static final String NAMESPACE = "trailwatch";
  static final String REJECTED = "ConfigurationRejected";
  static final String SUPPRESSED = "SuppressedFindings";
  /** What LiveConfig and ConfigWiring log for an invalid configuration (TuningConfigurationTest ties them). */
  static final String REJECTED_PATTERN = "{ $.message = \"configuration rejected*\" }";
  /** What DetectService logs for each finding a suppression hid. */
  static final String SUPPRESSED_PATTERN = "{ $.message = \"finding suppressed\" }";
  static final String PARAMETER_ARN = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${" + PARAMETER + "}";

  private TuningConfigurationCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> parameter = map(t.parameters().get(PARAMETER));
    if (parameter.isEmpty()) {
      problems.add("parameter " + PARAMETER + " is missing");
    } else {
      if (!"".equals(parameter.get("Default"))) {
        problems.add("parameter " + PARAMETER + " must default to \"\" (no configuration)");
      }
      String pattern = String.valueOf(parameter.get("AllowedPattern"));
      if (parameter.get("AllowedPattern") == null || !"/trailwatch/config".matches(pattern) || !"".matches(pattern)
          || "trailwatch/config".matches(pattern) || "/trailwatch/*".matches(pattern)) {
        problems.add("parameter " + PARAMETER + " needs an AllowedPattern accepting \"\" and names that start with /"
            + " (the policy appends the name to \"...:parameter\"), and nothing else");
      }
    }
    String condition = conditionOnParameter(t).orElse(null);
    if (condition == null) {
      problems.add("no condition is !Not [!Equals [!Ref " + PARAMETER + ", \"\"]]: the permission must depend on it");
    }
    for (String fn : t.functions()) {
      Map<String, Object> variables = map(path(t.function(fn), "Environment", "Variables"));
      if (!Intrinsics.ref(variables.get("TRAILWATCH_CONFIG_PARAMETER")).map(PARAMETER::equals).orElse(false)) {
        problems.add(fn + " environment TRAILWATCH_CONFIG_PARAMETER must be !Ref " + PARAMETER);
      }
      Object ttl = variables.get("TRAILWATCH_CONFIG_TTL_SECONDS");
      if (ttl != null && !String.valueOf(ttl).matches("\\d+")) {
        problems.add(fn + " environment TRAILWATCH_CONFIG_TTL_SECONDS must be whole seconds, is " + ttl);
      }
      Intrinsics.target(t.function(fn).get("Role")).ifPresentOrElse(
          role -> problems.addAll(permission(t, fn, role, condition)),
          () -> problems.add(fn + ": Role must be a role of this template"));
      Optional<String> group = Intrinsics.ref(path(t.function(fn), "LoggingConfig", "LogGroup"));
      if (group.isEmpty() || !counts(t, group.get(), REJECTED_PATTERN, REJECTED, false)) {
        problems.add(fn + ": its log group needs a metric filter " + REJECTED_PATTERN + " -> " + NAMESPACE + "/" + REJECTED);
      }
      if (fn.equals("DetectFunction") && (group.isEmpty() || !counts(t, group.get(), SUPPRESSED_PATTERN, SUPPRESSED, true))) {
        problems.add(fn + ": its log group needs a metric filter " + SUPPRESSED_PATTERN + " -> " + NAMESPACE + "/"
            + SUPPRESSED + " with the dimension suppression = $.suppression");
      }
    }
    boolean alarmed = t.idsOfType("AWS::CloudWatch::Alarm").stream().map(t::properties).anyMatch(a ->
        NAMESPACE.equals(a.get("Namespace")) && REJECTED.equals(a.get("MetricName"))
            && a.get("Threshold") instanceof Number n && n.doubleValue() < 1
            && "GreaterThanThreshold".equals(a.get("ComparisonOperator"))
            && Intrinsics.asList(a.get("AlarmActions")).stream()
                .anyMatch(x -> Intrinsics.ref(x).map(id -> "AWS::SNS::Topic".equals(t.type(id))).orElse(false)));
    if (!alarmed) {
      problems.add("no alarm on " + NAMESPACE + "/" + REJECTED + " > 0 notifies a topic of this template");
    }
    return problems;
  }

  /** The condition that is true when the parameter is set. */
  static Optional<String> conditionOnParameter(Template t) {
    Map<String, Object> expected =
        Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", PARAMETER), ""))));
    return t.conditions().entrySet().stream().filter(e -> expected.equals(e.getValue())).map(Map.Entry::getKey).findFirst();
  }

  /** One ssm:GetParameter statement, on the parameter's ARN only, under Fn::If on the condition; no other SSM action. */
  private static List<String> permission(Template t, String fn, String role, String condition) {
    List<String> problems = new ArrayList<>();
    int granted = 0;
    for (Object policy : Intrinsics.flatBranches(t.properties(role).get("Policies"))) {
      for (Object item : Intrinsics.asList(path(map(policy).get("PolicyDocument"), "Statement"))) {
        Optional<Object> conditional = Intrinsics.argument(item, "Fn::If");
        List<Object> branches = Intrinsics.flatBranches(item);
        for (Object statement : branches) {
          Map<String, Object> body = map(statement);
          List<String> ssm = Intrinsics.flatBranches(body.get("Action")).stream().map(String::valueOf)
              .filter(a -> a.startsWith("ssm:")).toList();
          if (ssm.isEmpty()) {
            continue;
          }
          String sid = String.valueOf(body.get("Sid"));
          if (!ssm.equals(List.of("ssm:GetParameter")) || Intrinsics.flatBranches(body.get("Action")).size() != 1) {
            problems.add(role + " statement " + sid + ": the only SSM action is ssm:GetParameter, alone in its statement; is "
                + body.get("Action"));
          }
          List<Object> resources = Intrinsics.flatBranches(body.get("Resource"));
          if (resources.size() != 1 || !Map.of("Fn::Sub", PARAMETER_ARN).equals(resources.get(0))) {
            problems.add(role + " statement " + sid + ": Resource must be exactly !Sub " + PARAMETER_ARN + ", is " + resources);
          }
          boolean underCondition = conditional.filter(List.class::isInstance).map(c -> (List<?>) c)
              .filter(c -> c.size() == 3 && condition != null && condition.equals(c.get(0))
                  && Intrinsics.isNoValue(c.get(2))).isPresent();
          if (!underCondition) {
            problems.add(role + " statement " + sid + ": must be granted only when " + PARAMETER + " is set (!If ["
                + condition + ", <statement>, !Ref AWS::NoValue])");
          }
          granted++;
        }
      }
    }
    if (granted != 1) {
      problems.add(fn + ": its role " + role + " needs one ssm:GetParameter statement for the configuration, has " + granted);
    }
    return problems;
  }

  private static boolean counts(Template t, String group, String pattern, String metric, boolean bySuppression) {
    for (String filter : t.idsOfType("AWS::Logs::MetricFilter")) {
      Map<String, Object> p = t.properties(filter);
      if (!Intrinsics.refersTo(p.get("LogGroupName"), group) || !pattern.equals(p.get("FilterPattern"))) {
        continue;
      }
      for (Object transformation : Intrinsics.asList(p.get("MetricTransformations"))) {
        Map<String, Object> m = map(transformation);
        if (!NAMESPACE.equals(m.get("MetricNamespace")) || !metric.equals(m.get("MetricName"))
            || !"1".equals(String.valueOf(m.get("MetricValue")))) {
          continue;
        }
        if (!bySuppression) {
          return true;
        }
        boolean dimension = Intrinsics.asList(m.get("Dimensions")).stream().map(Template::map)
            .anyMatch(d -> "suppression".equals(d.get("Key")) && "$.suppression".equals(d.get("Value")));
        if (dimension && !m.containsKey("DefaultValue")) {
          return true; // CloudWatch refuses a DefaultValue on a filter with dimensions
        }
      }
    }
    return false;
  }
}
