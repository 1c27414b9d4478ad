package io.trailwatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/coverage.md} is generated from the catalog and must equal what the catalog says today, so an
 * auditor's mapping can never drift from the rules. Regenerate it after changing a rule's metadata:
 * {@code mvn -pl shared/rules -am verify -Dtrailwatch.regenerate=true}.
 */
class CoverageDocTest {
  static final Path DOC = Path.of("../../docs/coverage.md");

  /** CIS AWS Foundations monitoring controls, v1.4 / 3.0 numbering, with Security Hub's control ids. */
  static final Map<String, String> CIS_MONITORING = new LinkedHashMap<>();

  static {
    CIS_MONITORING.put("4.1", "CloudWatch.2: unauthorized API calls");
    CIS_MONITORING.put("4.2", "CloudWatch.3: console sign-in without MFA");
    CIS_MONITORING.put("4.3", "CloudWatch.1: root account usage");
    CIS_MONITORING.put("4.4", "CloudWatch.4: IAM policy changes");
    CIS_MONITORING.put("4.5", "CloudWatch.5: CloudTrail configuration changes");
    CIS_MONITORING.put("4.6", "CloudWatch.6: console authentication failures");
    CIS_MONITORING.put("4.7", "CloudWatch.7: KMS keys disabled or scheduled for deletion");
    CIS_MONITORING.put("4.8", "CloudWatch.8: S3 bucket policy changes");
    CIS_MONITORING.put("4.9", "CloudWatch.9: AWS Config configuration changes");
    CIS_MONITORING.put("4.10", "CloudWatch.10: security group changes");
    CIS_MONITORING.put("4.11", "CloudWatch.11: network ACL changes");
    CIS_MONITORING.put("4.12", "CloudWatch.12: network gateway changes");
    CIS_MONITORING.put("4.13", "CloudWatch.13: route table changes");
    CIS_MONITORING.put("4.14", "CloudWatch.14: VPC changes");
    CIS_MONITORING.put("4.15", "(no Security Hub control): AWS Organizations changes");
    CIS_MONITORING.put("4.16", "(posture, not an event): Security Hub enabled");
  }

  @Test
  void coverageDocumentMatchesTheCatalog() throws IOException {
    String generated = render(Catalogs.loadBuiltIn(ConditionVocabulary.standard()));
    if (Boolean.getBoolean("trailwatch.regenerate")) {
      Files.writeString(DOC, generated);
    }
    assertThat(Files.isRegularFile(DOC)).as(DOC + " exists").isTrue();
    assertThat(Files.readString(DOC))
        .as("docs/coverage.md is stale: mvn -pl shared/rules -am verify -Dtrailwatch.regenerate=true")
        .isEqualTo(generated);
  }

  static String render(List<Rule> catalog) {
    List<Rule> rules = new ArrayList<>(catalog);
    rules.sort(Comparator.comparing((Rule r) -> r.category().ordinal()).thenComparing(Rule::id));
    StringBuilder md = new StringBuilder();
    md.append("# Detection coverage\n\n")
        .append("Generated from the rule catalog by `CoverageDocTest` (shared/rules); do not edit by hand.\n")
        .append("Regenerate with `mvn -pl shared/rules -am verify -Dtrailwatch.regenerate=true`.\n\n")
        .append(rules.size()).append(" rules.\n\n")
        .append("## Rules\n\n")
        .append("| rule | category | severity | status | ATT&CK | CIS AWS | ISO/IEC 27001:2022 | SOC 2 |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Rule r : rules) {
      md.append("| `").append(r.id()).append("` | ").append(r.category().label()).append(" | ")
          .append(r.severity()).append(" | ").append(r.status().label()).append(" | ")
          .append(String.join(", ", r.attack())).append(" | ")
          .append(String.join(", ", r.compliance().getOrDefault("cis_aws", List.of()))).append(" | ")
          .append(String.join(", ", r.compliance().getOrDefault("iso27001", List.of()))).append(" | ")
          .append(String.join(", ", r.compliance().getOrDefault("soc2", List.of()))).append(" |\n");
    }
    md.append("\n## CIS AWS Foundations monitoring controls\n\n")
        .append("Numbering of CIS v1.4 / 3.0 (v6.0 renumbers section 4 as 5), with Security Hub's control.\n")
        .append("A control with no rule is not covered yet.\n\n")
        .append("| CIS | control | rules |\n| --- | --- | --- |\n");
    for (Map.Entry<String, String> control : CIS_MONITORING.entrySet()) {
      List<String> implementing = rules.stream()
          .filter(r -> r.compliance().getOrDefault("cis_aws", List.of()).contains(control.getKey()))
          .map(r -> "`" + r.id() + "`").toList();
      md.append("| ").append(control.getKey()).append(" | ").append(control.getValue()).append(" | ")
          .append(implementing.isEmpty() ? "not covered yet" : String.join(", ", implementing)).append(" |\n");
    }
    return md.toString();
  }
}
