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

  static final Path ROWS = Path.of("anchor-rows.yaml");

  /** One row of the anchor table: its id, what it detects, and why no rule implements it, if none does. */
  record Row(String section, String id, String title, String notCovered) {}

  /** The rows in file order; a {@code # A.1 ...} comment line starts a section. */
  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    String section = "";
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    for (String line : Files.readAllLines(ROWS)) {
      if (line.startsWith("# A.")) {
        section = line.substring(2).trim();
      } else if (!line.isBlank() && !line.startsWith("#")) {
        var node = yaml.readTree(line);
        var entry = node.fields().next();
        var value = entry.getValue();
        rows.add(value.isTextual()
            ? new Row(section, entry.getKey(), value.asText(), null)
            : new Row(section, entry.getKey(), value.path("title").asText(), value.path("not_covered").asText(null)));
      }
    }
    return rows;
  }

  @Test
  void everyAnchorARuleNamesIsARowOfTheTable() throws IOException {
    java.util.Set<String> ids = new java.util.HashSet<>();
    rows().forEach(r -> ids.add(r.id()));
    List<String> unknown = new ArrayList<>();
    for (Rule rule : Catalogs.loadBuiltIn(ConditionVocabulary.standard())) {
      for (String anchor : rule.anchors()) {
        if (!ids.contains(anchor)) {
          unknown.add(rule.id() + ": " + anchor);
        }
      }
    }
    assertThat(unknown).as("anchors that are not rows of anchor-rows.yaml").isEmpty();
    assertThat(ids).as("rows of A.0 to A.8").hasSizeGreaterThan(140);
  }

  @Test
  void coverageDocumentMatchesTheCatalog() throws IOException {
    String generated = render(Catalogs.loadBuiltIn(ConditionVocabulary.standard()), rows());
    if (Boolean.getBoolean("trailwatch.regenerate")) {
      Files.writeString(DOC, generated);
    }
    assertThat(Files.isRegularFile(DOC)).as(DOC + " exists").isTrue();
    assertThat(Files.readString(DOC))
        .as("docs/coverage.md is stale: mvn -pl shared/rules -am verify -Dtrailwatch.regenerate=true")
        .isEqualTo(generated);
  }

  static String render(List<Rule> catalog, List<Row> anchorRows) {
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
    md.append("\n## What the rules read from the configuration\n\n")
        .append("Allowlists and change windows the rules name (`allowlist:` and `window:` in their conditions); an\n")
        .append("allowlist that is not configured allows nobody, a change window that is not configured keeps its\n")
        .append("rules silent. See [tuning](tuning.md).\n\n")
        .append("| name | kind | rules |\n| --- | --- | --- |\n");
    Map<String, java.util.TreeSet<String>> named = new java.util.TreeMap<>();
    for (Rule r : rules) {
      if (r.folder() == null) {
        continue;
      }
      try {
        String yaml = Files.readString(r.folder().resolve("rule.yaml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
            "(?m)^\\s*(allowlist):\\s*([a-z0-9_-]+)|type:\\s*outside-change-window\\s*\\n\\s*(window):\\s*([a-z0-9_-]+)").matcher(yaml);
        while (m.find()) {
          String key = m.group(1) != null ? m.group(2) + "\tallowlist" : m.group(4) + "\tchange window";
          named.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add("`" + r.id() + "`");
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    named.forEach((key, ids) -> {
      String[] parts = key.split("\t");
      md.append("| `").append(parts[0]).append("` | ").append(parts[1]).append(" | ")
          .append(String.join(", ", ids)).append(" |\n");
    });
    long covered = anchorRows.stream().filter(r -> rules.stream().anyMatch(x -> x.anchors().contains(r.id()))).count();
    long reasoned = anchorRows.stream().filter(r -> r.notCovered() != null).count();
    md.append("\n## What the best systems detect, row by row\n\n")
        .append("Each row of the research's anchor table (`shared/rules/anchor-rows.yaml`, from\n")
        .append("`shared/research/anchors.md` sections A.0 to A.8) with the rules that implement it, or why none does.\n")
        .append(covered).append(" of ").append(anchorRows.size()).append(" rows have a rule; ").append(reasoned)
        .append(" have a documented reason for none (a row may have both); ");
    long open = anchorRows.stream().filter(r -> r.notCovered() == null
        && rules.stream().noneMatch(x -> x.anchors().contains(r.id()))).count();
    md.append(open == 0 ? "every row is accounted for.\n" : open + " are not covered yet.\n");
    String section = null;
    for (Row row : anchorRows) {
      if (!row.section().equals(section)) {
        section = row.section();
        md.append("\n### ").append(section).append("\n\n| row | detection | rules |\n| --- | --- | --- |\n");
      }
      List<String> implementing = rules.stream().filter(r -> r.anchors().contains(row.id()))
          .map(r -> "`" + r.id() + "`").toList();
      String cell = !implementing.isEmpty() ? String.join(", ", implementing)
          : row.notCovered() != null ? "none: " + row.notCovered() : "not covered yet";
      md.append("| ").append(row.id()).append(" | ").append(row.title().replace("|", "\\|")).append(" | ")
          .append(cell).append(" |\n");
    }
    return md.toString();
  }
}
