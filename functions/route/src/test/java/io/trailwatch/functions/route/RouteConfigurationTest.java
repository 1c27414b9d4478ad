package io.trailwatch.functions.route;

import io.trailwatch.aws.testing.ParameterStoreStandIn;
import io.trailwatch.aws.testing.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.trailwatch.aws.ConfigWiring;
import io.trailwatch.aws.RouteWiring;
import io.trailwatch.core.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The router shaped by the configuration in Parameter Store: the real handler, its SSM and SNS calls made
 * by the real SDK clients against WireMock, and a clock the test moves past the time to live. What reaches
 * the SNS stub is the assertion.
 */
class RouteConfigurationTest {
  static final String PARAMETER = "/trailwatch/config";

  @RegisterExtension
  static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension ssm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final MutableClock clock = new MutableClock(Instant.now());

  @BeforeEach
  void topicAcceptsEverything() {
    sns.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(SnsDeliveryTest.OK)));
  }

  RouteHandler handler() {
    Map<String, String> env = RouteTests.environment();
    env.put("AWS_ENDPOINT_URL_SNS", sns.baseUrl());
    env.put("AWS_ENDPOINT_URL_SSM", ssm.baseUrl());
    env.put(RouteWiring.ALERT_TOPIC_ARN, SnsDeliveryTest.TOPIC);
    env.put(RouteWiring.ACCOUNT_NAMES, "111122223333=prod-payments,444455556666=sandbox");
    env.put(ConfigWiring.CONFIG_PARAMETER, PARAMETER);
    return new RouteHandler(RouteWiring.routeService(env, new PrintStream(log, true, StandardCharsets.UTF_8), clock));
  }

  static String finding(String id, String severity) {
    return RouteHandlerTest.finding(id, "cloudtrail_logging_stopped", "aws-cli/2")
        .replace("\"severity\":\"HIGH\"", "\"severity\":\"" + severity + "\"");
  }

  /** The findings SNS was given, by id, in the order published; then forgets them. */
  List<String> published() {
    List<String> ids = new ArrayList<>();
    List<ServeEvent> events = new ArrayList<>(sns.getAllServeEvents());
    java.util.Collections.reverse(events);
    for (ServeEvent e : events) {
      String message = SnsDeliveryTest.form(e).get("Message");
      ids.add(message.substring(message.indexOf("Finding: ") + "Finding: ".length()).lines().findFirst().orElse("").strip());
    }
    sns.resetRequests();
    return ids;
  }

  void deliver(RouteHandler handler, String... findings) throws IOException {
    assertThat(RouteTests.invoke(handler, RouteHandlerTest.sqsEvent(findings)).path("batchItemFailures").size()).isZero();
  }

  @Test
  void aRoutingChangeReadFromParameterStoreChangesWhatReachesSns() throws IOException {
    ParameterStoreStandIn.holds(ssm, PARAMETER, "alerts:\n  digest_threshold: 20\n", 1);
    RouteHandler handler = handler();
    deliver(handler, finding("f-low-1", "LOW"), finding("f-high-1", "HIGH"));
    assertThat(published()).as("v1 routes everything to SNS").containsExactly("f-low-1", "f-high-1");

    ParameterStoreStandIn.holds(ssm, PARAMETER, "routing:\n  sns:\n    min_severity: HIGH\n", 2);
    clock.advance(Duration.ofSeconds(299));
    deliver(handler, finding("f-low-2", "LOW"));
    assertThat(published()).as("before the time to live, v1 still routes").containsExactly("f-low-2");

    clock.advance(Duration.ofSeconds(2));
    deliver(handler, finding("f-low-3", "LOW"), finding("f-high-3", "HIGH"), finding("f-critical-3", "CRITICAL"));
    assertThat(published()).as("v2: HIGH and above only").containsExactly("f-high-3", "f-critical-3");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"message\":\"configuration updated\"")
        .as("the log still keeps every alert").contains("\"id\":\"f-low-3\"");
  }

  @Test
  void anInvalidRoutingChangeIsRejectedAndTheLastGoodRoutesStay() throws IOException {
    ParameterStoreStandIn.holds(ssm, PARAMETER, "routing:\n  sns:\n    min_severity: HIGH\n", 1);
    RouteHandler handler = handler();

    ParameterStoreStandIn.holds(ssm, PARAMETER, "routing:\n  sns:\n    min_severity: SEVERE\n", 2);
    clock.advance(Duration.ofMinutes(6));
    deliver(handler, finding("f-low", "LOW"), finding("f-high", "HIGH"));

    assertThat(published()).containsExactly("f-high");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("configuration rejected; keeping the last good one")
        .contains("ssm:/trailwatch/config:3: 'SEVERE' is not a severity");
  }

  @Test
  void parameterStoreFailingKeepsTheLastGoodRoutes() throws IOException {
    ParameterStoreStandIn.holds(ssm, PARAMETER, "routing:\n  sns:\n    min_severity: HIGH\n", 1);
    RouteHandler handler = handler();

    ParameterStoreStandIn.fails(ssm, 500, "InternalServerError", "We encountered an internal error.");
    clock.advance(Duration.ofMinutes(6));
    deliver(handler, finding("f-low", "LOW"), finding("f-high", "HIGH"));

    assertThat(published()).containsExactly("f-high");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("configuration could not be read; keeping the last good one");
  }

  @Test
  void theConfigurationsAccountNamesWinOverTheDeploymentsAndAddToThem() throws IOException {
    ParameterStoreStandIn.holds(ssm, PARAMETER, "alerts:\n  account_names:\n    \"111122223333\": payments-live\n", 1);

    deliver(handler(), finding("f1", "HIGH"));

    String message = SnsDeliveryTest.form(sns.getAllServeEvents().get(0)).get("Message");
    assertThat(message).contains("Where: payments-live (111122223333) / us-east-1");
  }

  @Test
  void anInvalidConfigurationAtInitFailsTheRoutersInit() {
    ParameterStoreStandIn.holds(ssm, PARAMETER, "routing:\n  sns:\n    min_severty: HIGH\n", 1);

    assertThatThrownBy(this::handler).isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key of a route 'min_severty' (did you mean 'min_severity'?)");
  }
}
