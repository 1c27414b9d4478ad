package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.map;

import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Policies;
import io.trailwatch.deploy.support.Policies.Statement;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resource-based policies (queue, topic and key policies, role trust policies): nothing is allowed to
 * everyone; an AWS service may act on a queue or topic only for this account's resources (aws:SourceArn
 * or aws:SourceAccount, against the confused deputy); roles trust only the Lambda service; in a key policy
 * only the account itself (the default key statement) holds kms:*.
 */
final class ResourcePolicyCheck {
  static final Set<String> SOURCE_KEYS = Set.of("aws:SourceArn", "aws:SourceAccount", "aws:SourceOwner");

  private ResourcePolicyCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    for (Statement s : Policies.resourceStatements(t)) {
      if (!s.allows()) {
        continue;
      }
      Object principal = s.body().get("Principal");
      String ownerType = t.type(s.owner());
      if ("*".equals(principal) || Intrinsics.asList(map(principal).get("AWS")).contains("*")) {
        problems.add(s.where() + ": allows everyone (Principal \"*\")");
        continue;
      }
      List<Object> services = Intrinsics.asList(map(principal).get("Service"));
      switch (ownerType) {
        case "AWS::IAM::Role" -> {
          if (!services.equals(List.of("lambda.amazonaws.com")) || map(principal).size() != 1) {
            problems.add(s.where() + ": a function role trusts the Lambda service only, not " + principal);
          }
        }
        case "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy" -> {
          if (!services.isEmpty() && !conditionKeys(s.body()).stream().anyMatch(SOURCE_KEYS::contains)) {
            problems.add(s.where() + ": a service principal " + services + " needs an aws:SourceArn or aws:SourceAccount"
                + " condition, or any account's resource could use it");
          }
        }
        case "AWS::KMS::Key" -> {
          boolean account = Intrinsics.argument(map(principal).get("AWS"), "Fn::Sub")
              .map(String::valueOf).filter(arn -> arn.endsWith(":iam::${AWS::AccountId}:root")).isPresent();
          if (!account && s.actions().stream().anyMatch(a -> a.contains("*"))) {
            problems.add(s.where() + ": only the account root (the default key statement) may hold a wildcard KMS action");
          }
        }
        default -> { }
      }
    }
    return problems;
  }

  private static List<String> conditionKeys(Map<String, Object> statement) {
    List<String> keys = new ArrayList<>();
    map(statement.get("Condition")).values().forEach(operator -> keys.addAll(map(operator).keySet()));
    return keys;
  }
}
