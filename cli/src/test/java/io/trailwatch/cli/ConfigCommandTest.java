package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @TempDir Path dir;

  @Test
  void aValidConfigurationGetsItsSummaryWithTheFirstSuppressionToExpire() throws IOException {
    Path file = dir.resolve("tw.yaml");
    Files.writeString(file, """
        allowlists:
          deployers: [arn:aws:iam::111122223333:role/deploy]
          office: [198.51.100.0/24]
        suppressions:
          - {id: later, rules: ["*"], match: {source: [aws.s3]}, owner: a, reason: r, expires: %s}
          - {id: sooner, rules: ["*"], match: {source: [aws.iam]}, owner: b, reason: r, expires: %s}
        routing:
          slack: [{channel: oncall}]
        """.formatted(java.time.LocalDate.now().plusDays(60), java.time.LocalDate.now().plusDays(30)));

    CliRun run = CliRun.of("config", "validate", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(file + ": valid: 2 allowlists, 0 rule overrides, 2 suppressions (the first to"
        + " expire: sooner on " + java.time.LocalDate.now().plusDays(30) + "), 0 change windows, 1 Slack route\n");
  }

  @Test
  void everyProblemIsPrintedWithItsLineAndTheCommandExits1() throws IOException {
    Path file = dir.resolve("tw.yaml");
    Files.writeString(file, """
        rules:
          iam_admin_policy_atached: {enabled: false}
        suppressions:
          - {id: old, rules: ["*"], match: {source: [aws.s3]}, owner: a, reason: r, expires: 2020-01-31}
        """);

    CliRun run = CliRun.of("config", "validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines()).containsExactly(
        file + ":2: no rule has the id 'iam_admin_policy_atached' (did you mean 'iam_admin_policy_attached'?)",
        file + ":4: suppression 'old' expired on 2020-01-31 and no longer suppresses anything; remove it or renew it");
  }

  @Test
  void ruleIdsAreCheckedAgainstTheCatalogGivenWithRules() throws IOException {
    Path catalog = dir.resolve("catalog");
    RulesAndTestCommandTest.copyTree(RulesAndTestCommandTest.CATALOG.resolve("cloudtrail"), catalog.resolve("cloudtrail"));
    Path file = dir.resolve("tw.yaml");
    Files.writeString(file, "rules:\n  iam_admin_policy_attached: {enabled: false}\n");

    CliRun builtIn = CliRun.of("config", "validate", file.toString());
    CliRun other = CliRun.of("config", "validate", file.toString(), "--rules", catalog.toString());

    assertThat(builtIn.exitCode()).isZero();
    assertThat(other.exitCode()).isEqualTo(1);
    assertThat(other.out()).contains("no rule has the id 'iam_admin_policy_attached'");
  }

  @Test
  void usageErrorsExit2() {
    CliRun missing = CliRun.of("config", "validate", dir.resolve("nope.yaml").toString());
    CliRun noFile = CliRun.of("config", "validate");
    CliRun noSubcommand = CliRun.of("config");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.yaml: no such file");
    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(noSubcommand.exitCode()).isEqualTo(2);
    assertThat(noSubcommand.err()).contains("validate");
  }
}
