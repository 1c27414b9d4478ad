package io.trailwatch.deploy;

import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Policies;
import io.trailwatch.deploy.support.Policies.Statement;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Least privilege for every identity-based statement (role inline policies, AWS::IAM::Policy,
 * AWS::IAM::ManagedPolicy): named actions (no "*", no "sqs:*", no "sqs:Get*"), no NotAction or
 * NotResource, and named resources. Resource "*" is allowed only where the API defines no resource type,
 * and only in a statement that says so: its Sid ends in {@value #MARKER} (with a YAML comment saying why),
 * and every action is in {@link #WILDCARD_RESOURCE_ACTIONS}. Roles carry no managed policies.
 */
final class IamLeastPrivilegeCheck {
  static final String MARKER = "RequiresWildcardResource";

  /** Actions that IAM only authorises on Resource "*" (no resource type in the Service Authorization Reference). */
  static final Set<String> WILDCARD_RESOURCE_ACTIONS =
      Set.of(
          "xray:PutTraceSegments", // Lambda active tracing: X-Ray has no resource type for it
          "xray:PutTelemetryRecords"); // idem

  /**
   * A wildcard inside an ARN (not a bare "*") is allowed only for these actions, in a statement whose Sid
   * ends in {@value #SCOPED_MARKER}: their resource is one of many of a named type whose parent ids the
   * stack cannot know (DescribeAccount: arn:aws:organizations::MGMT:account/ORG/ACCOUNT), or any of whose
   * names may be asked about (the tags of whichever user or role made a call).
   */
  static final String SCOPED_MARKER = "ScopedWildcard";

  static final Set<String> SCOPED_WILDCARD_ACTIONS =
      Set.of("organizations:DescribeAccount", "iam:ListUserTags", "iam:ListRoleTags");

  private IamLeastPrivilegeCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    for (String role : t.idsOfType("AWS::IAM::Role")) {
      if (t.properties(role).containsKey("ManagedPolicyArns")) {
        problems.add(role + ": no ManagedPolicyArns (AWS managed policies grant on \"*\"); write inline statements");
      }
    }
    for (Statement s : Policies.identityStatements(t)) {
      if (!s.allows()) {
        continue;
      }
      for (String not : List.of("NotAction", "NotResource", "NotPrincipal")) {
        if (s.body().containsKey(not)) {
          problems.add(s.where() + ": " + not + " grants everything else; name what is allowed");
        }
      }
      List<String> actions = s.actions();
      if (actions.isEmpty()) {
        problems.add(s.where() + ": no Action");
      }
      for (Object action : Intrinsics.flatBranches(s.body().get("Action"))) {
        if (!(action instanceof String a) || !a.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
          problems.add(s.where() + ": action " + action + " is not one named action (wildcards grant actions added later)");
        }
      }
      List<Object> resources = s.resources();
      if (resources.isEmpty()) {
        problems.add(s.where() + ": no Resource");
      }
      boolean wildcard = resources.stream().anyMatch(IamLeastPrivilegeCheck::isWildcard);
      boolean marked = s.sid().endsWith(MARKER);
      if (wildcard && s.sid().endsWith(SCOPED_MARKER)) {
        if (resources.stream().anyMatch("*"::equals)) {
          problems.add(s.where() + ": a scoped wildcard names its resource type; \"*\" alone is not scoped");
        }
        for (String action : actions) {
          if (!SCOPED_WILDCARD_ACTIONS.contains(action)) {
            problems.add(s.where() + ": " + action + " may not use a scoped wildcard " + SCOPED_WILDCARD_ACTIONS);
          }
        }
        continue;
      }
      if (wildcard && !marked) {
        problems.add(s.where() + ": a wildcard resource " + resources + " needs a named resource, or a Sid ending in "
            + MARKER + " and a comment saying why the API requires \"*\"");
      } else if (wildcard) {
        if (resources.stream().anyMatch(r -> isWildcard(r) && !"*".equals(r))) {
          problems.add(s.where() + ": a partial wildcard " + resources + " is never required; name the resource");
        }
        for (String action : actions) {
          if (!WILDCARD_RESOURCE_ACTIONS.contains(action)) {
            problems.add(s.where() + ": " + action + " is not an action IAM only grants on \"*\" "
                + WILDCARD_RESOURCE_ACTIONS + "; give it a named resource in its own statement");
          }
        }
      } else if (marked) {
        problems.add(s.where() + ": Sid says " + MARKER + " but the resources are named: drop the marker");
      }
    }
    return problems;
  }

  /** "*", or a literal / Fn::Sub / Fn::Join text containing "*". A Ref or GetAtt names one resource. */
  static boolean isWildcard(Object resource) {
    if (resource instanceof String text) {
      return text.contains("*");
    }
    Object sub = Intrinsics.argument(resource, "Fn::Sub").orElse(null);
    if (sub != null) {
      Object text = sub instanceof List<?> list && !list.isEmpty() ? list.get(0) : sub;
      return String.valueOf(text).contains("*");
    }
    Object join = Intrinsics.argument(resource, "Fn::Join").orElse(null);
    if (join instanceof List<?> args && args.size() == 2) {
      return Intrinsics.asList(args.get(1)).stream().anyMatch(IamLeastPrivilegeCheck::isWildcard);
    }
    return resource instanceof Map<?, ?> && !Intrinsics.isIntrinsic(resource);
  }
}
