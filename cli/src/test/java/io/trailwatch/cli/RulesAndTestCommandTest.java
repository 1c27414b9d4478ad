package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesAndTestCommandTest {
  static final Path CATALOG = Path.of("../shared/rules/catalog");

  @TempDir Path dir;

  @Test
  void rulesListsTheBuiltInCatalogAsATableOrJson() throws IOException {
    CliRun table = CliRun.of("rules");
    CliRun json = CliRun.of("rules", "--format", "json");

    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).contains("cloudtrail_logging_stopped").contains("audit").contains("HIGH");
    JsonNode rules = Json.MAPPER.readTree(json.out());
    assertThat(rules.isArray()).isTrue();
    assertThat(rules.size()).isGreaterThanOrEqualTo(16);
    assertThat(rules.get(0).has("runbook")).isTrue();
  }

  @Test
  void testPassesOnTheBuiltInCatalog() {
    CliRun run = CliRun.of("test");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("PASS  cloudtrail_logging_stopped").contains(" 0 failed");
  }

  @Test
  void testFailsAndSaysWhyWhenANegativeSampleFires() throws IOException {
    Path copy = dir.resolve("catalog");
    copyTree(CATALOG.resolve("cloudtrail"), copy.resolve("cloudtrail"));
    Path rule = copy.resolve("cloudtrail/cloudtrail_logging_stopped");
    Files.copy(rule.resolve("tests/positive/sso_admin_stops_org_trail.json"), rule.resolve("tests/negative/oops.json"));

    CliRun run = CliRun.of("test", "--rules", copy.toString(), "cloudtrail_logging_stopped");
    CliRun byFolder = CliRun.of("test", rule.toString());

    assertThat(byFolder.exitCode()).as("a rule folder on disk is tested as it is on disk").isEqualTo(1);
    assertThat(byFolder.out()).contains("1 rules,");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL  cloudtrail_logging_stopped")
        .contains("negative/oops.json: fired cloudtrail_logging_stopped on a negative sample");
  }

  @Test
  void aBrokenRuleFileFailsLoadingWithItsFileAndLine() throws IOException {
    Path copy = dir.resolve("catalog");
    copyTree(CATALOG.resolve("cloudtrail"), copy.resolve("cloudtrail"));
    Path yaml = copy.resolve("cloudtrail/cloudtrail_logging_stopped/rule.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("severity: HIGH", "severity: BAD"));

    CliRun run = CliRun.of("test", "--rules", copy.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("catalog/cloudtrail/cloudtrail_logging_stopped/rule.yaml:").contains("severity 'BAD'");
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
