package io.trailwatch.functions.detect;

import io.trailwatch.aws.testing.StateTable;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
  static DynamoDBProxyServer dynamoServer;
  static String dynamoEndpoint;

  @RegisterExtension
  static WireMockExtension sqs =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(new SqsStandIn())).build();

  @BeforeAll
  static void startDynamoDb() throws Exception {
    StateTable.Server served = StateTable.serve("trailwatch-state");
    dynamoServer = served.server();
    dynamoEndpoint = served.endpoint();
  }

  @AfterAll
  static void stopDynamoDb() throws Exception {
    dynamoServer.stop();
  }

  @BeforeEach
  void queueAcceptsBatches() {
    sqs.stubFor(post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AmazonSQS.SendMessageBatch"))
        .willReturn(aResponse().withStatus(200).withTransformers(SqsStandIn.NAME)));
  }

  Map<String, String> env(boolean withTable) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    env.put("AWS_ENDPOINT_URL_SQS", sqs.baseUrl());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint);
    env.put(DetectWiring.FINDINGS_QUEUE_URL, sqs.baseUrl() + "/111122223333/trailwatch-findings");
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
