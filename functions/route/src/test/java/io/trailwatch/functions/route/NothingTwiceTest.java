package io.trailwatch.functions.route;

import io.trailwatch.aws.testing.StateTable;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.aws.RouteWiring;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The promise "nothing lost, nothing twice", end to end with real parts: the router's deliveries recorded
 * in DynamoDB Local (over HTTP, as in Lambda), Slack, SNS and Secrets Manager answered by WireMock. SNS
 * fails the first time; the message comes back; on the retry Slack, which already took the alert, is
 * skipped and SNS gets it.
 */
class NothingTwiceTest {
  @RegisterExtension static final StateTable.Served table = StateTable.served("trailwatch-state");

  @RegisterExtension
  static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** The webhook's URL in Secrets Manager, and Slack taking every post. */
  static void slackAcceptsEverything() {
    aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(okJson("{\"ARN\":\"" + SlackDeliveryTest.SECRET_ARN + "\",\"Name\":\"n\",\"SecretString\":\""
            + aws.baseUrl() + SlackDeliveryTest.HOOK + "\"}")));
    aws.stubFor(post(urlEqualTo(SlackDeliveryTest.HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  @Test
  void aRetryDeliversOnlyToTheDestinationThatFailed() throws IOException {
    slackAcceptsEverything();
    aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
        .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/xml")
            .withBody("<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>down</Message></Error></ErrorResponse>")));
    Map<String, String> env = RouteTests.environment();
    env.put("AWS_ENDPOINT_URL", aws.baseUrl());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", table.endpoint());
    env.put(RouteWiring.SLACK_SECRET_ARN, SlackDeliveryTest.SECRET_ARN);
    env.put(RouteWiring.ALERT_TOPIC_ARN, SnsDeliveryTest.TOPIC);
    env.put(RouteWiring.STATE_TABLE, "trailwatch-state");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    RouteHandler handler = new RouteHandler(RouteWiring.routeService(env, new PrintStream(log, true, StandardCharsets.UTF_8)));
    byte[] batch = RouteHandlerTest.sqsEvent(RouteHandlerTest.finding("f1", "cloudtrail_logging_stopped", "ua"));

    JsonNode first = RouteTests.invoke(handler, batch);
    long snsAttemptsAfterFirst = aws.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getBodyAsString().contains("Action=Publish")).count();
    // SNS is back (WireMock answers with the newest matching stub).
    aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(SnsDeliveryTest.OK)));
    JsonNode retry = RouteTests.invoke(handler, batch);

    assertThat(first.path("batchItemFailures")).extracting(f -> f.path("itemIdentifier").asText()).containsExactly("msg-1");
    assertThat(retry.path("batchItemFailures").size()).isZero();
    aws.verify(1, postRequestedFor(urlEqualTo(SlackDeliveryTest.HOOK)));
    long snsAttempts = aws.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getBodyAsString().contains("Action=Publish")).count();
    assertThat(snsAttempts).as("SNS: the failed attempts, then one success").isEqualTo(snsAttemptsAfterFirst + 1);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("already delivered; skipped").contains("\"channel\":\"slack\"");
  }

  @Test
  void aStateTableThatCannotBeReachedCostsAPossibleDuplicateNeverTheAlert() throws IOException {
    slackAcceptsEverything();
    Map<String, String> env = RouteTests.environment();
    env.put("AWS_ENDPOINT_URL", aws.baseUrl());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1");
    env.put("TRAILWATCH_HTTP_TIMEOUT_MS", "500");
    env.put(RouteWiring.SLACK_SECRET_ARN, SlackDeliveryTest.SECRET_ARN);
    env.put(RouteWiring.STATE_TABLE, "trailwatch-state");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    RouteHandler handler = new RouteHandler(RouteWiring.routeService(env, new PrintStream(log, true, StandardCharsets.UTF_8)));

    JsonNode response = RouteTests.invoke(handler, RouteHandlerTest.sqsEvent(RouteHandlerTest.finding("f9", "cloudtrail_logging_stopped", "ua")));

    assertThat(response.path("batchItemFailures").size()).isZero();
    aws.verify(1, postRequestedFor(urlEqualTo(SlackDeliveryTest.HOOK)).withRequestBody(containing("f9")));
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("dedup state unavailable")
        .contains("delivery ledger unavailable; delivering anyway").contains("delivery not recorded");
  }
}
