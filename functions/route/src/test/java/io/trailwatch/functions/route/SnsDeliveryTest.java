package io.trailwatch.functions.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.trailwatch.aws.RouteWiring;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The router publishing to SNS through the real SDK client, against WireMock answering as SNS does. */
class SnsDeliveryTest {
  static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:trailwatch-alerts";
  static final String OK = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
      + "<MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>"
      + "<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>";

  @RegisterExtension
  static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  RouteHandler handler() {
    Map<String, String> env = RouteTests.environment();
    env.put("AWS_ENDPOINT_URL_SNS", sns.baseUrl());
    env.put(RouteWiring.ALERT_TOPIC_ARN, TOPIC);
    env.put(RouteWiring.ACCOUNT_NAMES, "111122223333=prod-payments,444455556666=sandbox");
    return new RouteHandler(RouteWiring.routeService(env, new PrintStream(log, true, StandardCharsets.UTF_8)));
  }

  JsonNode invoke(byte[] event) throws IOException {
    return RouteTests.invoke(handler(), event);
  }

  static Map<String, String> form(ServeEvent e) {
    Map<String, String> out = new HashMap<>();
    for (String pair : e.getRequest().getBodyAsString().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }

  static Map<String, String> attributes(Map<String, String> form) {
    Map<String, String> out = new HashMap<>();
    for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
      out.put(form.get("MessageAttributes.entry." + i + ".Name"), form.get("MessageAttributes.entry." + i + ".Value.StringValue"));
    }
    return out;
  }

  @Test
  void eachFindingIsPublishedWithAReadableMessageAndFilterableAttributes() throws IOException {
    sns.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(OK)));
    String evilTitle = "Bucket x\nSeverity: LOW made public by " + "a".repeat(120);

    JsonNode response = invoke(RouteHandlerTest.sqsEvent(
        RouteHandlerTest.finding("f1", "s3_bucket_policy_public", "aws-cli/2").replace("\"title\":\"t\"",
            "\"title\":" + RouteHandlerTest.quoted(evilTitle))));

    assertThat(response.path("batchItemFailures").size()).isZero();
    List<ServeEvent> calls = sns.getAllServeEvents();
    assertThat(calls).hasSize(1);
    Map<String, String> form = form(calls.get(0));
    assertThat(form.get("TopicArn")).isEqualTo(TOPIC);
    assertThat(form.get("Subject")).hasSizeLessThanOrEqualTo(100).startsWith("[HIGH] Bucket x?Severity").doesNotContain("\n");
    assertThat(form.get("Message")).contains("Severity: HIGH (audit)").contains("Who: arn:aws:iam::111122223333:user/mallory (IAMUser, MFA no)")
        .contains("Kind: IAM user (long-lived credentials)")
        .contains("Where: prod-payments (111122223333) / us-east-1").contains("Runbook: r.md")
        .contains("Evidence: https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/e-f1")
        .as("a newline from the event cannot forge a line").doesNotContain("\nSeverity: LOW");
    assertThat(attributes(form)).containsEntry("severity", "HIGH").containsEntry("category", "audit")
        .containsEntry("ruleId", "s3_bucket_policy_public").containsEntry("account", "111122223333");
  }

  @Test
  void aServerErrorSendsOnlyThatFindingBackToTheQueue() throws IOException {
    sns.stubFor(post(urlEqualTo("/")).withRequestBody(containing("f-broken"))
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml")
            .withBody("<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>oops</Message></Error></ErrorResponse>")));
    sns.stubFor(post(urlEqualTo("/")).withRequestBody(containing("f-fine"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(OK)));

    JsonNode response = invoke(RouteHandlerTest.sqsEvent(RouteHandlerTest.finding("f-fine", "a_rule", "ua"),
        RouteHandlerTest.finding("f-broken", "a_rule", "ua")));

    List<String> failed = new ArrayList<>();
    response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
    assertThat(failed).containsExactly("msg-2");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("delivery failed; will retry").contains("\"channel\":\"sns\"");
  }

  @Test
  void aRejectionThatCannotSucceedIsLoggedAndNotRetried() throws IOException {
    sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml")
        .withBody("<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error></ErrorResponse>")));

    JsonNode response = invoke(RouteHandlerTest.sqsEvent(RouteHandlerTest.finding("f1", "a_rule", "ua")));

    assertThat(response.path("batchItemFailures").size()).isZero();
    assertThat(sns.getAllServeEvents()).as("no SDK retry on a 4xx").hasSize(1);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("delivery rejected; not retried").contains("HTTP 404");
  }

  @Test
  void aTopicThatHangsCostsSecondsAndSendsTheFindingBack() throws IOException {
    sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
        .withBody(OK).withFixedDelay(1500)));
    Map<String, String> env = RouteTests.environment();
    env.put("AWS_ENDPOINT_URL_SNS", sns.baseUrl());
    env.put("TRAILWATCH_HTTP_TIMEOUT_MS", "300");
    env.put(RouteWiring.ALERT_TOPIC_ARN, TOPIC);
    RouteHandler handler = new RouteHandler(RouteWiring.routeService(env, new PrintStream(log, true, StandardCharsets.UTF_8)));
    JsonNode response = RouteTests.invoke(handler, RouteHandlerTest.sqsEvent(RouteHandlerTest.finding("f1", "a_rule", "ua")));

    assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asText())
        .isEqualTo("msg-1");
    // Without the timeouts the endpoint's answer, 1.5 s late, would have been a success.
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("delivery failed; will retry");
  }
}
