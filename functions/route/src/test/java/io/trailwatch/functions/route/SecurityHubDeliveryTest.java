package io.trailwatch.functions.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.trailwatch.aws.RouteWiring;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.FindingJson;
import io.trailwatch.core.render.AsffFinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The router importing findings into Security Hub through the real SDK client, against WireMock answering
 * {@code POST /findings/import} (REST-JSON) as Security Hub does.
 */
class SecurityHubDeliveryTest {
  static final String OK = "{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}";

  @RegisterExtension
  static WireMockExtension hub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  RouteHandler handler(String account) {
    Map<String, String> env = RouteTests.environment();
    env.put("AWS_ENDPOINT_URL_SECURITYHUB", hub.baseUrl());
    env.put(RouteWiring.SECURITY_HUB, "true");
    if (account != null) {
      env.put(RouteWiring.ACCOUNT_ID, account);
    }
    return new RouteHandler(RouteWiring.routeService(env, new PrintStream(log, true, StandardCharsets.UTF_8)));
  }

  static List<String> retried(JsonNode response) {
    List<String> failed = new ArrayList<>();
    response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
    return failed;
  }

  static JsonNode sent(ServeEvent e) throws IOException {
    JsonNode body = Json.MAPPER.readTree(e.getRequest().getBodyAsString());
    return body.path("Findings").get(0);
  }

  @Test
  void importsTheFindingAsAsffAndARedeliveryUpdatesTheSameId() throws IOException {
    hub.stubFor(post(urlEqualTo("/findings/import")).willReturn(okJson(OK)));
    String finding = RouteHandlerTest.finding("f1", "cloudtrail_logging_stopped", "aws-cli/2");
    RouteHandler handler = handler("111122223333");

    assertThat(retried(RouteTests.invoke(handler, RouteHandlerTest.sqsEvent(finding)))).isEmpty();
    assertThat(retried(RouteTests.invoke(handler, RouteHandlerTest.sqsEvent(finding)))).isEmpty();

    List<ServeEvent> calls = new ArrayList<>(hub.getAllServeEvents());
    assertThat(calls).hasSize(2);
    ServeEvent first = calls.get(0);
    assertThat(first.getRequest().getHeader("Content-Type")).startsWith("application/json");
    assertThat(first.getRequest().getHeader("Authorization")).contains("/us-east-1/securityhub/aws4_request");
    JsonNode a = sent(first);
    assertThat(a.path("SchemaVersion").asText()).isEqualTo("2018-10-08");
    assertThat(a.path("Id").asText()).isEqualTo("trailwatch/cloudtrail_logging_stopped/f1");
    assertThat(a.path("ProductArn").asText()).isEqualTo("arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default");
    assertThat(a.path("GeneratorId").asText()).isEqualTo("cloudtrail_logging_stopped");
    assertThat(a.path("AwsAccountId").asText()).isEqualTo("111122223333");
    assertThat(a.path("Types").get(0).asText()).isEqualTo("TTPs/Defense Evasion");
    assertThat(a.path("CreatedAt").asText()).isEqualTo("2026-03-14T09:21:37Z");
    assertThat(a.path("UpdatedAt").asText()).isEqualTo("2026-03-14T09:21:37Z");
    assertThat(a.path("Severity").path("Label").asText()).isEqualTo("HIGH");
    assertThat(a.path("Title").asText()).isEqualTo("t");
    assertThat(a.path("Description").asText()).isEqualTo("D");
    assertThat(a.path("Resources").get(0).path("Id").asText()).isEqualTo("AWS::::Account:111122223333");
    assertThat(a.path("Action").path("AwsApiCallAction").path("RemoteIpDetails").path("IpAddressV4").asText()).isEqualTo("198.51.100.77");
    assertThat(sent(calls.get(1)).path("Id")).as("a repeat updates, not duplicates").isEqualTo(a.path("Id"));
    JsonNode rendered = AsffFinding.render(FindingJson.fromTree(Json.MAPPER.readTree(finding)), "us-east-1", "111122223333");
    assertThat(a).as("the SDK sends every field the renderer wrote, unchanged").isEqualTo(rendered);
  }

  @Test
  void aFindingSecurityHubRejectsAsInvalidIsLoggedAndNotRetried() throws IOException {
    hub.stubFor(post(urlEqualTo("/findings/import")).willReturn(okJson(
        "{\"FailedCount\":1,\"SuccessCount\":0,\"FailedFindings\":[{\"Id\":\"trailwatch/a_rule/f1\","
            + "\"ErrorCode\":\"InvalidInput\",\"ErrorMessage\":\"Finding does not adhere to Amazon Web Services Security Finding Format.\"}]}")));

    JsonNode response = RouteTests.invoke(handler(null), RouteHandlerTest.sqsEvent(RouteHandlerTest.finding("f1", "a_rule", "ua")));

    assertThat(retried(response)).isEmpty();
    assertThat(hub.getAllServeEvents()).hasSize(1);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("delivery rejected; not retried")
        .contains("\"channel\":\"securityhub\"").contains("InvalidInput");
  }

  @Test
  void aWholeBatchIsOneCallAndAFailedEntryFailsOnlyItsFinding() throws IOException {
    hub.stubFor(post(urlEqualTo("/findings/import")).willReturn(okJson(
        "{\"FailedCount\":1,\"SuccessCount\":1,\"FailedFindings\":[{\"Id\":\"trailwatch/a_rule/f-broken\","
            + "\"ErrorCode\":\"InternalException\",\"ErrorMessage\":\"try again\"}]}")));

    JsonNode response = RouteTests.invoke(handler("111122223333"), RouteHandlerTest.sqsEvent(
        RouteHandlerTest.finding("f-fine", "a_rule", "ua"), RouteHandlerTest.finding("f-broken", "a_rule", "ua")));

    assertThat(hub.getAllServeEvents()).hasSize(1);
    assertThat(Json.MAPPER.readTree(hub.getAllServeEvents().get(0).getRequest().getBodyAsString()).path("Findings").size())
        .isEqualTo(2);
    assertThat(retried(response)).containsExactly("msg-2");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("delivery failed; will retry").contains("InternalException");
  }

  @Test
  void aServerErrorSendsTheFindingsOfThatCallBackToTheQueue() throws IOException {
    hub.stubFor(post(urlEqualTo("/findings/import"))
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-ErrorType", "InternalException").withBody("{\"Code\":\"InternalException\",\"Message\":\"oops\"}")));

    JsonNode response = RouteTests.invoke(handler("111122223333"), RouteHandlerTest.sqsEvent(
        RouteHandlerTest.finding("f1", "a_rule", "ua"), RouteHandlerTest.finding("f2", "a_rule", "ua")));

    assertThat(retried(response)).containsExactly("msg-1", "msg-2");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("HTTP 500");
  }

  @Test
  void throttlingIsRetriedThroughTheQueue() throws IOException {
    hub.stubFor(post(urlEqualTo("/findings/import")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "LimitExceededException")
        .withBody("{\"Code\":\"LimitExceededException\",\"Message\":\"Rate exceeded\"}")));

    JsonNode response = RouteTests.invoke(handler("111122223333"), RouteHandlerTest.sqsEvent(RouteHandlerTest.finding("f1", "a_rule", "ua")));

    assertThat(retried(response)).containsExactly("msg-1");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("delivery failed; will retry").contains("HTTP 429");
  }

  @Test
  void anotherAccountsFindingIsRefusedBeforeAnyCall() throws IOException {
    hub.stubFor(post(urlEqualTo("/findings/import")).willReturn(okJson(OK)));

    JsonNode response = RouteTests.invoke(handler("444455556666"), RouteHandlerTest.sqsEvent(RouteHandlerTest.finding("f1", "a_rule", "ua")));

    assertThat(retried(response)).isEmpty();
    assertThat(hub.getAllServeEvents()).isEmpty();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("delivery rejected; not retried")
        .contains("account 111122223333, forwarded to this one (444455556666)");
  }

  @Test
  void aRepeatWithinTheWindowUpdatesTheOpeningFindingWithTheCount() throws IOException {
    hub.stubFor(post(urlEqualTo("/findings/import")).willReturn(okJson(OK)));
    java.util.List<io.trailwatch.core.port.AlertChannel> channels = java.util.List.of(
        new io.trailwatch.aws.securityhub.SecurityHubChannel(RouteWiring.securityHub(Map.of(
            "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "x",
            "AWS_ENDPOINT_URL_SECURITYHUB", hub.baseUrl())), "us-east-1", "111122223333"));
    io.trailwatch.core.service.RouteService service = new io.trailwatch.core.service.RouteService(channels,
        new io.trailwatch.core.port.InMemoryDeliveryLedger(), new io.trailwatch.core.port.InMemoryDedupStore(),
        new io.trailwatch.core.service.OpsLog(new PrintStream(log, true, StandardCharsets.UTF_8)));
    String first = RouteHandlerTest.finding("f1", "a_rule", "ua");
    String second = RouteHandlerTest.finding("f2", "a_rule", "ua").replace("2026-03-14T09:21:37Z", "2026-03-14T09:40:00Z");

    service.handle(java.util.List.of(new io.trailwatch.core.service.RouteService.Message("m1", first)));
    service.handle(java.util.List.of(new io.trailwatch.core.service.RouteService.Message("m2", second)));

    List<ServeEvent> calls = new ArrayList<>(hub.getAllServeEvents());
    java.util.Collections.reverse(calls);
    assertThat(calls).hasSize(2);
    JsonNode update = sent(calls.get(1));
    assertThat(update.path("Id").asText()).isEqualTo("trailwatch/a_rule/f1");
    assertThat(update.path("Title").asText()).isEqualTo("t (seen 2 times)");
    assertThat(update.path("CreatedAt").asText()).isEqualTo("2026-03-14T09:21:37Z");
    assertThat(update.path("FirstObservedAt").asText()).isEqualTo("2026-03-14T09:21:37Z");
    assertThat(update.path("UpdatedAt").asText()).isEqualTo("2026-03-14T09:40:00Z");
    assertThat(update.path("LastObservedAt").asText()).isEqualTo("2026-03-14T09:40:00Z");
    assertThat(update.path("ProductFields").path("trailwatch/count").asText()).isEqualTo("2");
    assertThat(update.path("ProductFields").path("trailwatch/lastFindingId").asText()).isEqualTo("f2");
  }
}
