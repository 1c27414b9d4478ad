package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  static final Path STOP_LOGGING =
      Path.of("../shared/rules/catalog/cloudtrail/cloudtrail_logging_stopped/tests/positive/sso_admin_stops_org_trail.json");

  @TempDir Path dir;

  static List<JsonNode> lines(String jsonl) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : jsonl.split("\n")) {
      if (!line.isBlank()) {
        out.add(Json.MAPPER.readTree(line));
      }
    }
    return out;
  }

  @Test
  void jsonlPrintsOneFindingPerLineInTheDocumentedFormat() throws IOException {
    CliRun run = CliRun.of("scan", "--format", "jsonl", STOP_LOGGING.toString());

    assertThat(run.exitCode()).isZero();
    List<JsonNode> findings = lines(run.out());
    assertThat(findings).hasSize(1);
    JsonNode f = findings.get(0);
    for (String field : List.of("id", "ruleId", "title", "category", "severity", "eventId", "eventTime",
        "eventSource", "eventName", "account", "region", "principal", "sourceIp", "userAgent", "resources",
        "attack", "compliance", "runbook")) {
      assertThat(f.has(field)).as("field %s", field).isTrue();
    }
    assertThat(f.get("ruleId").asText()).isEqualTo("cloudtrail_logging_stopped");
    assertThat(f.get("eventId").asText()).isEqualTo("0e9a3c41-8b7d-4f26-a5e1-d3c2b1a09f8e");
    assertThat(f.get("principal").get("mfa").asBoolean(true)).isFalse();
    assertThat(run.err()).contains("scanned 1 file, 1 events").contains("findings: 1 (CRITICAL 0, HIGH 1");
  }

  @Test
  void theDeployerAllowlistOfTheConfigurationSilencesThePipeline() throws IOException {
    String pipeline = "../shared/rules/catalog/lambda/lambda_function_code_updated_outside_pipeline/tests/negative/pipeline_role_deploys_release.json";
    Files.writeString(dir.resolve("tw.yaml"),
        "allowlists:\n  deployers:\n    - arn:aws:iam::111122223333:role/github-actions-*\n");

    CliRun unconfigured = CliRun.of("scan", "--format", "jsonl", pipeline);
    CliRun configured = CliRun.of("scan", "--format", "jsonl", "--config", dir.resolve("tw.yaml").toString(), pipeline);

    assertThat(lines(unconfigured.out())).extracting(f -> f.get("ruleId").asText())
        .containsExactly("lambda_function_code_updated_outside_pipeline");
    assertThat(configured.out()).isEmpty();
  }

  @Test
  void aBrokenConfigurationIsAUsageErrorThatNamesTheLine() throws IOException {
    Files.writeString(dir.resolve("tw.yaml"), "allowlists:\n  deployers: []\nsupressions: []\n");

    CliRun run = CliRun.of("scan", "--config", dir.resolve("tw.yaml").toString(), STOP_LOGGING.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("tw.yaml:3: unknown section 'supressions' (did you mean 'suppressions'?)");
  }

  @Test
  void failOnExitsThreeOnlyWhenAFindingReachesTheSeverity() {
    assertThat(CliRun.of("scan", "--fail-on", "high", STOP_LOGGING.toString()).exitCode()).isEqualTo(3);
    assertThat(CliRun.of("scan", "--fail-on", "CRITICAL", STOP_LOGGING.toString()).exitCode()).isZero();
  }

  @Test
  void usageAndIoErrorsExitTwoWithOneLineAndNoStackTrace() {
    CliRun missing = CliRun.of("scan", dir.resolve("nope.json").toString());
    CliRun badOption = CliRun.of("scan", "--colour", STOP_LOGGING.toString());
    CliRun badSeverity = CliRun.of("scan", "--fail-on", "urgent", STOP_LOGGING.toString());
    CliRun badRules = CliRun.of("scan", "--rules", dir.resolve("none").toString(), STOP_LOGGING.toString());

    for (CliRun run : List.of(missing, badOption, badSeverity, badRules)) {
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
    assertThat(missing.err().strip()).endsWith("nope.json: no such file or directory");
    assertThat(badOption.err()).contains("Unknown option: '--colour'");
  }

  @Test
  void badInputIsReportedWithItsLocationAndTheScanGoesOn() throws IOException {
    Files.writeString(dir.resolve("a.jsonl"), "{not json}\n" + Files.readString(STOP_LOGGING).replace("\n", "") + "\n");

    CliRun run = CliRun.of("scan", "--format", "jsonl", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(lines(run.out())).hasSize(1);
    assertThat(run.err()).contains("bad input: " + dir.resolve("a.jsonl") + ": line 1, column 2: malformed JSON")
        .contains("bad records: 1");
  }

  @Test
  void textOutputShowsAttackerControlledControlCharactersAsText() throws IOException {
    String withEscape = Files.readString(STOP_LOGGING).replace("org-audit-trail", "org-audit-trail\\u001b[2J");
    Files.writeString(dir.resolve("evil.json"), withEscape);

    CliRun run = CliRun.of("scan", dir.resolve("evil.json").toString());

    assertThat(run.out()).contains("org-audit-trail\\u001b[2J").doesNotContain("\u001b");
  }

  @Test
  void theResultIsTheSameWhateverTheNumberOfThreads() throws IOException {
    for (int i = 0; i < 6; i++) {
      Files.copy(STOP_LOGGING, dir.resolve("e" + i + ".json"));
    }
    CliRun one = CliRun.of("scan", "--format", "jsonl", "--threads", "1", dir.toString());
    CliRun two = CliRun.of("scan", "--format", "jsonl", "--threads", "2", dir.toString());

    assertThat(lines(one.out())).hasSize(6);
    assertThat(two.out()).isEqualTo(one.out());
  }

  @Test
  void aReplayWithOneThreadDecidesStatefulRulesInFileOrderAndHoldsNothing() throws IOException {
    Path spray = Path.of("../shared/rules/catalog/signin/signin_console_login_failure_burst/tests/positive/"
        + "password_spray_from_one_ip.json");
    com.fasterxml.jackson.databind.JsonNode events = io.trailwatch.core.event.Json.MAPPER.readTree(spray.toFile());
    // The burst's first three failures in the first file (by name, as CloudTrail names files by time),
    // its last three in the second: the fifth failure completes the burst across the two files.
    com.fasterxml.jackson.databind.node.ArrayNode early = io.trailwatch.core.event.Json.MAPPER.createArrayNode();
    com.fasterxml.jackson.databind.node.ArrayNode late = io.trailwatch.core.event.Json.MAPPER.createArrayNode();
    for (int i = 0; i < events.size(); i++) {
      (i < 3 ? early : late).add(events.get(i));
    }
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("111122223333_CloudTrail_us-east-1_20260317T0210Z_a.json"), early.toString());
    Files.writeString(logs.resolve("111122223333_CloudTrail_us-east-1_20260317T0215Z_b.json"), late.toString());

    CliRun run = CliRun.of("scan", "--format", "jsonl", "--threads", "1", logs.toString());

    // Six user names: a burst of failures and a spray of different users, both completed by the fifth.
    assertThat(lines(run.out())).extracting(f -> f.get("ruleId").asText())
        .containsExactly("signin_console_login_failure_burst", "signin_console_password_spray");
    assertThat(lines(run.out())).extracting(f -> f.get("eventTime").asText())
        .as("the fifth failure in time completes the burst").containsOnly(events.get(4).path("time").asText());
  }
}
