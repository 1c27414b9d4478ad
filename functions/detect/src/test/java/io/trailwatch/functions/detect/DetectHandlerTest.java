package io.trailwatch.functions.detect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.trailwatch.aws.DetectWiring;
import io.trailwatch.aws.lambda.LocalContext;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.port.PublishException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The detector handler run as Lambda runs it (stream in, stream out, a Context), its SQS calls made by the
 * real SDK client over HTTP to a local stand-in for SQS.
 */
class DetectHandlerTest {
  static final Path CATALOG = Path.of("../../shared/rules/catalog");
  static final Path BASELINE_CONFIG = Path.of("../../events/baseline/config");

  @RegisterExtension
  static WireMockExtension sqs =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(new SqsStandIn())).build();

  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void queueAcceptsBatches() {
    DetectTests.queueAcceptsBatches(sqs);
  }

  Map<String, String> env() {
    Map<String, String> env = DetectTests.environment(sqs);
    env.put(DetectWiring.DEPLOYER_ARNS, "arn:aws:iam::111122223333:role/github-actions-deploy");
    return env;
  }

  DetectHandler handler(Map<String, String> env) {
    return new DetectHandler(DetectWiring.detectService(env, new PrintStream(log, true, StandardCharsets.UTF_8)));
  }

  static JsonNode invoke(DetectHandler handler, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, new LocalContext("trailwatch-detect", 30, System.err));
    return Json.MAPPER.readTree(out.toByteArray());
  }

  List<JsonNode> queued() throws IOException {
    List<JsonNode> messages = new ArrayList<>();
    List<ServeEvent> events = new ArrayList<>(sqs.getAllServeEvents());
    java.util.Collections.reverse(events);
    for (ServeEvent e : events) {
      for (JsonNode entry : Json.MAPPER.readTree(e.getRequest().getBodyAsString()).path("Entries")) {
        messages.add(entry);
      }
    }
    return messages;
  }

  static List<Path> positives() throws IOException {
    try (Stream<Path> files = Files.walk(CATALOG)) {
      return files.filter(p -> p.toString().contains("/tests/positive/") && p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void everyPositiveSampleReachesTheQueueAsAFindingOfItsRule() throws IOException {
    DetectHandler handler = handler(env());
    List<String> missing = new ArrayList<>();
    for (Path sample : positives()) {
      if (needsAChangeWindow(sample.getParent().getParent())) {
        continue; // silent without the configuration's window: its samples run in RuleCatalogTest with one
      }
      sqs.resetRequests();
      String ruleId = sample.getParent().getParent().getParent().getFileName().toString();
      // A stateful rule's sample is a sequence of events: each is one invocation, as EventBridge sends them.
      JsonNode whole = Json.MAPPER.readTree(Files.readAllBytes(sample));
      int published = 0;
      DetectHandler target = whole.isArray() ? handler(env()) : handler; // a sequence starts from no state
      for (JsonNode event : whole.isArray() ? whole : List.of(whole)) {
        published += invoke(target, Json.MAPPER.writeValueAsBytes(event)).path("findings").asInt();
      }
      List<String> rules = new ArrayList<>();
      for (JsonNode message : queued()) {
        rules.add(message.path("MessageAttributes").path("ruleId").path("StringValue").asText());
        JsonNode finding = Json.MAPPER.readTree(message.path("MessageBody").asText());
        assertThat(finding.path("id").asText()).hasSize(32);
        assertThat(message.path("MessageAttributes").path("severity").path("StringValue").asText())
            .isEqualTo(finding.path("severity").asText());
      }
      if (!rules.contains(ruleId) || published != rules.size()) {
        missing.add(sample + " queued " + rules);
      }
    }
    assertThat(missing).isEmpty();
  }

  static boolean needsAChangeWindow(Path tests) throws IOException {
    Path tuning = tests.resolve("tuning.yaml");
    return Files.isRegularFile(tuning) && Files.readString(tuning).contains("change_windows:");
  }

  @Test
  void benignEventsSendNothing() throws IOException {
    DetectHandler handler = handler(env());
    JsonNode configEvents;
    try (Stream<Path> files = Files.list(BASELINE_CONFIG)) {
      configEvents = Json.MAPPER.readTree(files.findFirst().orElseThrow().toFile());
    }
    for (JsonNode event : configEvents) {
      JsonNode result = invoke(handler, Json.MAPPER.writeValueAsBytes(event));
      assertThat(result.path("findings").asInt()).isZero();
    }
    sqs.verify(0, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void aMalformedEventIsLoggedWithItsIdAndAccepted() throws IOException {
    DetectHandler handler = handler(env());

    JsonNode notJson = invoke(handler, "{not json".getBytes(StandardCharsets.UTF_8));
    JsonNode noDetail = invoke(handler, "{\"id\":\"evt-42\",\"source\":\"aws.iam\",\"detail-type\":\"AWS API Call via CloudTrail\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(notJson.path("rejected").asText()).isEqualTo("the input is not JSON");
    assertThat(noDetail.path("rejected").asText()).isEqualTo("missing field 'detail'");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"eventId\":\"evt-42\"").contains("event rejected");
    sqs.verify(0, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void aQueueThatFailsMakesTheInvocationFailSoLambdaRetries() throws IOException {
    sqs.resetAll();
    sqs.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/x-amz-json-1.0")
        .withBody("{\"__type\":\"com.amazonaws.sqs#InternalError\",\"message\":\"We encountered an internal error.\"}")));
    DetectHandler handler = handler(env());
    byte[] stopLogging = Files.readAllBytes(CATALOG.resolve(
        "cloudtrail/cloudtrail_logging_stopped/tests/positive/sso_admin_stops_org_trail.json"));

    assertThatThrownBy(() -> invoke(handler, stopLogging)).isInstanceOf(PublishException.class)
        .hasMessageContaining("SendMessageBatch");
    assertThat(sqs.getAllServeEvents()).as("the SDK retried before giving up").hasSizeGreaterThan(1);
  }

  @Test
  void aPartlyFailedBatchFailsTheInvocationAndNamesTheFinding() throws IOException {
    DetectHandler handler = handler(env());
    String event = Files.readString(CATALOG.resolve(
        "cloudtrail/cloudtrail_logging_stopped/tests/positive/sso_admin_stops_org_trail.json"))
        .replace("org-audit-trail", "org-audit-trail-" + SqsStandIn.REJECT_MARKER);

    assertThatThrownBy(() -> invoke(handler, event.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("1 of 1 findings were not queued")
        .hasMessageContaining("cloudtrail_logging_stopped")
        .hasMessageContaining("InternalError");
  }

  @Test
  void findingsBelowTheMinimumSeverityAreNotQueued() throws IOException {
    Map<String, String> env = env();
    env.put(DetectWiring.MIN_SEVERITY, "CRITICAL");
    JsonNode result = invoke(handler(env), Files.readAllBytes(CATALOG.resolve(
        "cloudtrail/cloudtrail_logging_stopped/tests/positive/sso_admin_stops_org_trail.json")));

    assertThat(result.path("findings").asInt()).isZero();
    assertThat(result.path("belowMinimumSeverity").asInt()).isEqualTo(1);
    sqs.verify(0, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void primingBeforeTheSnapshotRunsTheDetectorButSendsNothing() throws IOException {
    DetectHandler handler = handler(env());

    handler.beforeCheckpoint(null);

    assertThat(DetectHandler.class.getClassLoader().getResource(DetectHandler.PRIMING_EVENT))
        .as("the priming sample ships in the jar").isNotNull();
    sqs.verify(0, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void aMissingQueueIsAConfigurationErrorAtInitNotASilentDrop() {
    Map<String, String> env = env();
    env.remove(DetectWiring.FINDINGS_QUEUE_URL);

    assertThatThrownBy(() -> handler(env)).hasMessageContaining("TRAILWATCH_FINDINGS_QUEUE_URL is not set");
  }
}
