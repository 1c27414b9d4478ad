package io.trailwatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `trailwatch scan` delivering to destinations through the real clients, against WireMock. */
class ScanDeliveryTest {
  static final String HOOK = "/services/T0000/B0000/XXXXXXXX";
  static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void environmentPointsAtTheLocalServer() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    env.put("AWS_ENDPOINT_URL_SNS", wm.baseUrl());
    Main.environment = env;
  }

  @AfterEach
  void restoreTheEnvironment() {
    Main.environment = System.getenv();
  }

  @Test
  void findingsGoToSlackAndSnsWithTheRegionOfTheTopic() {
    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));
    wm.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<PublishResponse><PublishResult><MessageId>m</MessageId></PublishResult></PublishResponse>")));

    CliRun run = CliRun.of("scan", "--quiet", "--slack-webhook-url", wm.baseUrl() + HOOK, "--sns-topic-arn", TOPIC,
        ScanCommandTest.STOP_LOGGING.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    wm.verify(1, postRequestedFor(urlEqualTo(HOOK)).withRequestBody(containing("cloudtrail_logging_stopped")));
    wm.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("TopicArn=arn%3Aaws%3Asns%3Aeu-west-1"))
        .withHeader("Authorization", containing("/eu-west-1/sns/aws4_request")));
  }

  @Test
  void aTransientFailureExitsFourAndAPermanentOneIsOnlyLogged() {
    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(404).withBody("channel_not_found")));

    CliRun run = CliRun.of("scan", "--quiet", "--slack-webhook-url", wm.baseUrl() + HOOK, ScanCommandTest.STOP_LOGGING.toString());

    assertThat(run.exitCode()).as("a permanent refusal is logged, not retried").isZero();
    assertThat(run.err()).contains("delivery rejected; not retried").contains("channel_not_found");

    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(503).withBody("try later")));
    CliRun transientFailure = CliRun.of("scan", "--quiet", "--slack-webhook-url", wm.baseUrl() + HOOK, ScanCommandTest.STOP_LOGGING.toString());
    assertThat(transientFailure.exitCode()).isEqualTo(4);
    assertThat(transientFailure.err()).contains("1 findings could not be delivered");
  }

  @Test
  void dryRunPrintsEveryPayloadAndSendsNothing() {
    CliRun run = CliRun.of("scan", "--quiet", "--dry-run", "--slack-webhook-url", wm.baseUrl() + HOOK,
        "--sns-topic-arn", TOPIC, "--security-hub", ScanCommandTest.STOP_LOGGING.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--- slack (dry run: not sent) ---").contains("\"blocks\"")
        .contains("--- sns (dry run: not sent) ---").contains("Subject: [HIGH]").contains("severity=HIGH")
        .contains("--- securityhub (dry run: not sent) ---").contains("\"SchemaVersion\" : \"2018-10-08\"");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
