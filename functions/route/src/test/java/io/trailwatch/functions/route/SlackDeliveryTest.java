package io.trailwatch.functions.route;

import io.trailwatch.aws.testing.ParameterStoreStandIn;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.trailwatch.aws.ConfigWiring;
import io.trailwatch.aws.RouteWiring;
import io.trailwatch.core.event.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The router posting to Slack webhooks whose URLs it read from Secrets Manager at init, all through real
 * HTTP: the SDK's Secrets Manager (and SSM, for the routes) clients and the JDK's HTTP client against
 * WireMock.
 */
class SlackDeliveryTest {
  static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:trailwatch/slack-webhook-AbCdEf";
  static final String HOOK = "/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX";

  @RegisterExtension
  static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void secretHoldsTheWebhook() {
    aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(okJson("{\"ARN\":\"" + SECRET_ARN + "\",\"Name\":\"trailwatch/slack-webhook\",\"SecretString\":\""
            + aws.baseUrl() + HOOK + "\",\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7e9}")));
  }

  RouteHandler handler() {
    Map<String, String> env = RouteTests.environment();
    env.put("AWS_ENDPOINT_URL_SECRETSMANAGER", aws.baseUrl());
    env.put(RouteWiring.SLACK_SECRET_ARN, SECRET_ARN);
    return new RouteHandler(RouteWiring.routeService(env, new PrintStream(log, true, StandardCharsets.UTF_8)));
  }

  JsonNode invoke(RouteHandler handler, String... findings) throws IOException {
    return RouteTests.invoke(handler, RouteHandlerTest.sqsEvent(findings));
  }

  @Test
  void postsABlockKitMessageWhoseEventTextPingsNoOne() throws IOException {
    aws.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));

    JsonNode response = invoke(handler(), RouteHandlerTest.finding("f1", "cloudtrail_logging_stopped", "<!channel> curl/8"));

    assertThat(response.path("batchItemFailures").size()).isZero();
    aws.verify(1, postRequestedFor(urlEqualTo(HOOK)));
    String posted = aws.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(HOOK)).findFirst()
        .orElseThrow().getRequest().getBodyAsString();
    JsonNode message = Json.MAPPER.readTree(posted);
    assertThat(message.path("blocks").size()).isBetween(3, 50);
    assertThat(posted).contains("&lt;!channel&gt; curl/8").doesNotContain("<!channel>");
  }

  @Test
  void aRateLimitIsWaitedOutAsSlackAsksAndTheMessageSentOnce() throws IOException {
    aws.stubFor(post(urlEqualTo(HOOK)).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("rate_limited"))
        .willSetStateTo("free"));
    aws.stubFor(post(urlEqualTo(HOOK)).inScenario("rate").whenScenarioStateIs("free")
        .willReturn(aResponse().withStatus(200).withBody("ok")));

    long start = System.nanoTime();
    JsonNode response = invoke(handler(), RouteHandlerTest.finding("f1", "a_rule", "ua"));
    long waitedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.path("batchItemFailures").size()).isZero();
    aws.verify(2, postRequestedFor(urlEqualTo(HOOK)));
    assertThat(waitedMs).as("Retry-After: 1 was honoured").isGreaterThanOrEqualTo(1000);
  }

  @Test
  void aServerErrorComesBackAndADeadChannelDoesNot() throws IOException {
    aws.stubFor(post(urlEqualTo(HOOK)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("f-5xx"))
        .willReturn(aResponse().withStatus(500).withBody("rollup_error")));
    aws.stubFor(post(urlEqualTo(HOOK)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("f-404"))
        .willReturn(aResponse().withStatus(404).withBody("channel_not_found")));

    JsonNode response = invoke(handler(), RouteHandlerTest.finding("f-5xx", "a_rule", "ua"),
        RouteHandlerTest.finding("f-404", "a_rule", "ua"));

    assertThat(response.path("batchItemFailures")).extracting(f -> f.path("itemIdentifier").asText()).containsExactly("msg-1");
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("HTTP 500 rollup_error").contains("HTTP 404 channel_not_found")
        .as("the webhook URL is a credential").doesNotContain(HOOK);
  }

  @Test
  void aSecretThatIsNotAUrlFailsTheInitWithoutShowingIt() {
    aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(okJson("{\"ARN\":\"" + SECRET_ARN + "\",\"Name\":\"n\",\"SecretString\":\"xoxb-not-a-url\"}")));

    assertThatThrownBy(this::handler).hasMessageContaining("does not hold a webhook URL").hasMessageNotContaining("xoxb");
  }

  /** The secret as Secrets Manager returns it: its value is the text given (a URL or a JSON object). */
  static void secretHolds(String value) {
    aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(okJson("{\"ARN\":\"" + SECRET_ARN + "\",\"Name\":\"n\",\"SecretString\":"
            + RouteHandlerTest.quoted(value) + "}")));
  }

  @Test
  void theSecretNamesTheChannelsAndTheConfigurationRoutesFindingsToThem() throws IOException {
    secretHolds("{\"default\": \"" + aws.baseUrl() + "/hook/general\","
        + " \"oncall\": \"" + aws.baseUrl() + "/hook/oncall\","
        + " \"identity\": \"" + aws.baseUrl() + "/hook/identity\"}");
    for (String hook : new String[] {"/hook/general", "/hook/identity"}) {
      aws.stubFor(post(urlEqualTo(hook)).willReturn(aResponse().withStatus(200).withBody("ok")));
    }
    aws.stubFor(post(urlEqualTo("/hook/oncall")).willReturn(aResponse().withStatus(503).withBody("service_unavailable")));
    ParameterStoreStandIn.holds(aws, "/trailwatch/config", """
        routing:
          slack:
            - channel: oncall
              min_severity: CRITICAL
              continue: true
            - channel: identity
              categories: [iam]
            - channel: audit-team
              categories: [audit]
            - channel: default
        """, 1);
    Map<String, String> env = RouteTests.environment();
    env.put("AWS_ENDPOINT_URL_SECRETSMANAGER", aws.baseUrl());
    env.put("AWS_ENDPOINT_URL_SSM", aws.baseUrl());
    env.put(RouteWiring.SLACK_SECRET_ARN, SECRET_ARN);
    env.put(ConfigWiring.CONFIG_PARAMETER, "/trailwatch/config");
    RouteHandler handler =
        new RouteHandler(RouteWiring.routeService(env, new PrintStream(log, true, StandardCharsets.UTF_8)));

    JsonNode response = invoke(handler,
        RouteHandlerTest.finding("f-critical", "cloudtrail_logging_stopped", "ua").replace("\"severity\":\"HIGH\"", "\"severity\":\"CRITICAL\""),
        RouteHandlerTest.finding("f-iam", "iam_admin_policy_attached", "ua").replace("\"category\":\"audit\"", "\"category\":\"iam\""),
        RouteHandlerTest.finding("f-audit", "cloudtrail_logging_stopped", "ua"));

    assertThat(response.path("batchItemFailures")).as("only the channel that failed sends its finding back")
        .extracting(f -> f.path("itemIdentifier").asText()).containsExactly("msg-1");
    aws.verify(moreThanOrExactly(1), postRequestedFor(urlEqualTo("/hook/oncall")).withRequestBody(containing("f-critical")));
    aws.verify(0, postRequestedFor(urlEqualTo("/hook/oncall")).withRequestBody(notContaining("f-critical")));
    aws.verify(1, postRequestedFor(urlEqualTo("/hook/general")).withRequestBody(containing("f-critical")));
    aws.verify(1, postRequestedFor(urlEqualTo("/hook/identity")).withRequestBody(containing("f-iam")));
    aws.verify(1, postRequestedFor(urlEqualTo("/hook/general")).withRequestBody(containing("f-audit")));
    aws.verify(0, postRequestedFor(urlEqualTo("/hook/identity")).withRequestBody(notContaining("f-iam")));
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).as("a route to a channel the secret lacks is skipped, loudly")
        .contains("Slack route skipped: its channel is not in the Slack webhook secret").contains("\"channel\":\"audit-team\"")
        .as("each channel is its own destination (and ledger entry)").contains("delivery failed; will retry")
        .contains("\"channel\":\"slack:oncall\"")
        .as("the URLs are credentials").doesNotContain("/hook/");
  }

  @Test
  void withoutAConfigurationEveryFindingGoesToTheDefaultChannelAndOldStyleKeysAreFlagged() throws IOException {
    secretHolds("{\"default\": \"" + aws.baseUrl() + "/hook/general\", \"CRITICAL\": \"" + aws.baseUrl() + "/hook/oncall\"}");
    aws.stubFor(post(urlEqualTo("/hook/general")).willReturn(aResponse().withStatus(200).withBody("ok")));

    invoke(handler(), RouteHandlerTest.finding("f-critical", "a_rule", "ua").replace("\"severity\":\"HIGH\"", "\"severity\":\"CRITICAL\""));

    aws.verify(1, postRequestedFor(urlEqualTo("/hook/general")));
    aws.verify(0, postRequestedFor(urlEqualTo("/hook/oncall")));
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("Slack channel looks like a route of the old secret format").contains("\"channel\":\"CRITICAL\"");
  }

  @Test
  void aChannelWhoseValueIsNotAUrlFailsTheInitNamingTheChannelNotTheValue() {
    secretHolds("{\"default\": \"" + aws.baseUrl() + "/hook/general\", \"oncall\": \"xoxb-not-a-url\"}");

    assertThatThrownBy(this::handler).hasMessageContaining("Slack channel 'oncall' does not hold a webhook URL")
        .hasMessageNotContaining("xoxb");
  }
}
