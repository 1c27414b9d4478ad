package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeCommandTest {
  @TempDir Path dir;

  @Test
  void detectRunsTheHandlerOnOneEventAndPrintsItsLogAndResponse() {
    CliRun run = CliRun.of("invoke", "--function", "detect", "--event", ScanCommandTest.STOP_LOGGING.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("START RequestId: ")
        .contains("\"message\":\"finding published\"").contains("\"ruleId\":\"cloudtrail_logging_stopped\"")
        .contains("END RequestId: ").contains("{\"eventId\":\"0e9a3c41-8b7d-4f26-a5e1-d3c2b1a09f8e\",\"findings\":1");
  }

  @Test
  void routeAnswersWithAPartialBatchResponse() throws IOException {
    Path sqsEvent = dir.resolve("sqs.json");
    Files.writeString(sqsEvent, "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"not a finding\",\"eventSource\":\"aws:sqs\"}]}");

    CliRun run = CliRun.of("invoke", "--function", "route", "--event", sqsEvent.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("message is not a finding; dropped").contains("{\"batchItemFailures\":[]}");
  }

  @Test
  void anUnknownFunctionOrAMissingEventIsAUsageError() {
    assertThat(CliRun.of("invoke", "--function", "notify", "--event", "x.json").exitCode()).isEqualTo(2);
    CliRun missing = CliRun.of("invoke", "--function", "detect", "--event", dir.resolve("none.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("none.json: no such file");
  }
}
