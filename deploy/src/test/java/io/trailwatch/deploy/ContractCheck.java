package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.map;

import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names the Lambda handlers and the docs rely on: logical ids and their types, handlers and their jars,
 * the environment each handler reads, and the parameters docs/deploy.md explains.
 */
final class ContractCheck {
  static final Map<String, String> RESOURCES = new LinkedHashMap<>();
  static final Map<String, String> HANDLERS =
      Map.of(
          "DetectFunction", "io.trailwatch.functions.detect.DetectHandler::handleRequest",
          "RouteFunction", "io.trailwatch.functions.route.RouteHandler::handleRequest");
  static final Map<String, String> CODE_URIS =
      Map.of(
          "DetectFunction", "functions/detect/target/detect.jar",
          "RouteFunction", "functions/route/target/route.jar");
  static final Map<String, Map<String, Object>> ENVIRONMENT =
      Map.of(
          "DetectFunction",
          Map.of(
              "TRAILWATCH_FINDINGS_QUEUE_URL", Map.of("Ref", "FindingsQueue"),
              "TRAILWATCH_DEPLOYER_ARNS", Map.of("Fn::Join", List.of(",", Map.of("Ref", "DeployerPrincipalArns"))),
              "TRAILWATCH_MIN_SEVERITY", Map.of("Ref", "MinimumSeverity"),
              "TRAILWATCH_CONFIG_PARAMETER", Map.of("Ref", "ConfigParameterName")),
          "RouteFunction",
          Map.of(
              "TRAILWATCH_ALERT_TOPIC_ARN", Map.of("Ref", "AlertTopic"),
              "TRAILWATCH_SLACK_SECRET_ARN", Map.of("Ref", "SlackWebhookSecretArn"),
              "TRAILWATCH_SECURITY_HUB", Map.of("Ref", "EnableSecurityHub"),
              "TRAILWATCH_STATE_TABLE", Map.of("Ref", "StateTable"),
              "TRAILWATCH_ACCOUNT_ID", Map.of("Ref", "AWS::AccountId"),
              "TRAILWATCH_ACCOUNT_NAMES", Map.of("Ref", "AccountNames"),
              "TRAILWATCH_ORGANIZATIONS_NAMES", Map.of("Ref", "AccountNamesFromOrganizations"),
              "TRAILWATCH_DIGEST_THRESHOLD", Map.of("Ref", "DigestThreshold"),
              "TRAILWATCH_CONFIG_PARAMETER", Map.of("Ref", "ConfigParameterName")));
  static final List<String> PARAMETERS =
      List.of(
          "AlertEmail", "SlackWebhookSecretArn", "EnableSecurityHub", "MinimumSeverity", "DeployerPrincipalArns",
          "IncludeReadOnlyEvents", "LogRetentionDays", "AccountNames", "AccountNamesFromOrganizations", "DigestThreshold",
          "ConfigParameterName");

  static {
    RESOURCES.put("DetectFunction", "AWS::Serverless::Function");
    RESOURCES.put("RouteFunction", "AWS::Serverless::Function");
    RESOURCES.put("DetectFunctionRole", "AWS::IAM::Role");
    RESOURCES.put("RouteFunctionRole", "AWS::IAM::Role");
    RESOURCES.put("DetectFunctionLogGroup", "AWS::Logs::LogGroup");
    RESOURCES.put("RouteFunctionLogGroup", "AWS::Logs::LogGroup");
    RESOURCES.put("FindingsQueue", "AWS::SQS::Queue");
    RESOURCES.put("FindingsDeadLetterQueue", "AWS::SQS::Queue");
    RESOURCES.put("DetectEventsDeadLetterQueue", "AWS::SQS::Queue");
    RESOURCES.put("AlertTopic", "AWS::SNS::Topic");
    RESOURCES.put("AlertTopicKey", "AWS::KMS::Key");
    RESOURCES.put("StateTable", "AWS::DynamoDB::Table");
  }

  private ContractCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    if (!"AWS::Serverless-2016-10-31".equals(t.root().get("Transform"))) {
      problems.add("Transform must be AWS::Serverless-2016-10-31, is " + t.root().get("Transform"));
    }
    RESOURCES.forEach(
        (id, type) -> {
          if (!t.resources().containsKey(id)) {
            problems.add(id + " (" + type + ") is missing");
          } else if (!type.equals(t.type(id))) {
            problems.add(id + " must be a " + type + ", is a " + t.type(id));
          }
        });
    for (String fn : HANDLERS.keySet()) {
      if (!t.resources().containsKey(fn)) {
        continue;
      }
      Map<String, Object> props = t.function(fn);
      if (!HANDLERS.get(fn).equals(props.get("Handler"))) {
        problems.add(fn + " Handler must be " + HANDLERS.get(fn) + ", is " + props.get("Handler"));
      }
      if (!CODE_URIS.get(fn).equals(props.get("CodeUri"))) {
        problems.add(fn + " CodeUri must be " + CODE_URIS.get(fn) + ", is " + props.get("CodeUri"));
      }
      Map<String, Object> variables = map(Template.path(props, "Environment", "Variables"));
      ENVIRONMENT.get(fn).forEach(
          (name, expected) -> {
            if (!expected.equals(variables.get(name))) {
              problems.add(fn + " environment " + name + " must be " + expected + ", is " + variables.get(name));
            }
          });
    }
    for (String name : PARAMETERS) {
      Map<String, Object> parameter = map(t.parameters().get(name));
      if (parameter.isEmpty()) {
        problems.add("parameter " + name + " is missing");
      } else if (!parameter.containsKey("Default") || !parameter.containsKey("Description")) {
        problems.add("parameter " + name + " needs a Default and a Description (sam deploy --guided shows both)");
      }
    }
    return problems;
  }
}
