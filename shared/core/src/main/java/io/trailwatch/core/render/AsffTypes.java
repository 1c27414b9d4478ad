package io.trailwatch.core.render;

import java.util.List;
import java.util.Map;

/**
 * The one place where a rule category becomes ASFF finding types ({@code namespace/category[/classifier]},
 * from the "Types taxonomy for ASFF" of the Security Hub user guide). Security Hub groups and filters by
 * these, so each category gets the type that names the consequence the on-call engineer acts on, the
 * same criterion that chose the category (DESIGN.md, Rules).
 */
final class AsffTypes {
  /** Used for a category this table does not know yet: a valid namespace-only path. */
  static final List<String> UNKNOWN = List.of("Unusual Behaviors");

  private static final Map<String, List<String>> BY_CATEGORY = Map.of(
      // Code and stacks changed outside the pipeline: unusual for the application, not proof of a TTP.
      "deployment", List.of("Unusual Behaviors/Application"),
      // Admin policies, keys and passwords for other users: ATT&CK T1098 (account manipulation).
      "iam", List.of("TTPs/Privilege Escalation"),
      "exposure", List.of("Effects/Data Exposure"),
      // MFA missing or removed is a configuration weakness, not an attack by itself.
      "mfa", List.of("Software and Configuration Checks/AWS Security Best Practices"),
      // The taxonomy's own example is TTPs/Defense Evasion/CloudTrailStopped.
      "audit", List.of("TTPs/Defense Evasion"),
      // Today's rules: KMS keys disabled or scheduled for deletion, secrets force-deleted (ATT&CK T1485).
      "secrets", List.of("Effects/Data Destruction"),
      // Routes, gateways, NACLs: reachability changes that expose nothing by themselves.
      "network", List.of("Software and Configuration Checks/AWS Security Best Practices/Network Reachability"),
      "root", List.of("Unusual Behaviors/User"));

  private AsffTypes() {}

  static List<String> of(String category) {
    return category == null ? UNKNOWN : BY_CATEGORY.getOrDefault(category, UNKNOWN);
  }
}
