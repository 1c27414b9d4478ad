package io.trailwatch.functions.detect;

import io.trailwatch.aws.testing.StateTable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.trailwatch.aws.DetectWiring;
import io.trailwatch.aws.lambda.LocalContext;
import io.trailwatch.core.event.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stateful rules in Lambda: each event of a burst lands in a container of its own (a handler of its own
 * here), and the state table they share (DynamoDB Local over HTTP, as in Lambda) is what adds them up.
 */
class StatefulDetectionTest {
  static final Path SPRAY = Path.of(
      "../../shared/rules/catalog/signin/signin_console_login_failure_burst/tests/positive/password_spray_from_one_ip.json");
  @RegisterExtension static final StateTable.Served table = StateTable.served("trailwatch-state");

  @RegisterExtension
  static WireMockExtension sqs =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(new SqsStandIn())).build();

  @BeforeEach
  void queueAcceptsBatches() {
    DetectTests.queueAcceptsBatches(sqs);
  }

  Map<String, String> env(boolean withTable) {
    Map<String, String> env = DetectTests.environment(sqs);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", table.endpoint());
    if (withTable) {
      env.put(DetectWiring.STATE_TABLE, "trailwatch-state");
    }
    return env;
  }

  int burstsQueuedAcrossContainers(boolean withTable) throws IOException {
    sqs.resetRequests();
    JsonNode spray = Json.MAPPER.readTree(Files.readAllBytes(SPRAY));
    for (JsonNode event : spray) {
      DetectHandler container = new DetectHandler(DetectWiring.detectService(env(withTable),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      container.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out,
          new LocalContext("trailwatch-detect", 30, System.err));
    }
    List<String> rules = new ArrayList<>();
    for (ServeEvent e : sqs.getAllServeEvents()) {
      for (JsonNode entry : Json.MAPPER.readTree(e.getRequest().getBodyAsString()).path("Entries")) {
        rules.add(entry.path("MessageAttributes").path("ruleId").path("StringValue").asText());
      }
    }
    return (int) rules.stream().filter("signin_console_login_failure_burst"::equals).count();
  }

  @Test
  void aBurstSpreadOverContainersIsCountedInTheStateTable() throws IOException {
    assertThat(burstsQueuedAcrossContainers(true)).isEqualTo(1);
  }

  @Test
  void withoutTheTableEachContainerCountsAloneAndMissesIt() throws IOException {
    assertThat(burstsQueuedAcrossContainers(false))
        .as("why the detector needs the state table: no container sees five failures")
        .isZero();
  }
}
