package io.trailwatch.functions.detect;

import io.trailwatch.aws.testing.ParameterStoreStandIn;
import io.trailwatch.aws.testing.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.aws.ConfigWiring;
import io.trailwatch.aws.DetectWiring;
import io.trailwatch.core.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The detector tuned from Parameter Store: the real handler, its SSM and SQS calls made by the real SDK
 * clients against WireMock, and a clock the test moves past the configuration's time to live. Each test
 * judges a catalog sample (svc-reporting replacing a Lambda function's code with the CLI) and asserts
 * on what the detector does with it.
 */
class DetectConfigurationTest {
  static final String PARAMETER = "/trailwatch/config";
  static final String ACTOR = "arn:aws:iam::111122223333:user/svc-reporting";
  static final String PIPELINE = "arn:aws:iam::111122223333:role/github-actions-deploy";

  @RegisterExtension
  static WireMockExtension sqs =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(new SqsStandIn())).build();

  @RegisterExtension
  static WireMockExtension ssm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final MutableClock clock = new MutableClock(Instant.now());
  final String expires = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

  @BeforeEach
  void queueAcceptsBatches() {
    DetectTests.queueAcceptsBatches(sqs);
  }

  Map<String, String> env() {
    Map<String, String> env = DetectTests.environment(sqs);
    env.put("AWS_ENDPOINT_URL_SSM", ssm.baseUrl());
    env.put(ConfigWiring.CONFIG_PARAMETER, PARAMETER);
    return env;
  }

  DetectHandler handler(Map<String, String> env) {
    return new DetectHandler(DetectWiring.detectService(env, new PrintStream(log, true, StandardCharsets.UTF_8), clock));
  }

  /** Findings queued for the sample: 1 when the rule fired and nothing hid it, else 0. */
  static int judge(DetectHandler handler) throws IOException {
    byte[] sample = Files.readAllBytes(DetectHandlerTest.CATALOG.resolve(
        "lambda/lambda_function_code_updated_outside_pipeline/tests/positive/iam_user_updates_code_with_cli.json"));
    JsonNode result = DetectHandlerTest.invoke(handler, sample);
    return result.path("findings").asInt();
  }

  static String deployers(String arn) {
    return "allowlists:\n  deployers:\n    - " + arn + "\n";
  }

  String suppression(boolean withOwner) {
    return """
        suppressions:
          - id: nightly-export-rebuild
            rules: [lambda_function_code_updated_outside_pipeline]
            match:
              detail:
                requestParameters:
                  functionName: [billing-nightly-export]
        """ + (withOwner ? "    owner: platform-team\n" : "") + """
            reason: the reporting job rebuilds its own export function every night
            expires: %s
        """.formatted(expires);
  }

  String logged() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aChangedParameterTakesEffectOnceItsTimeToLiveHasPassedAndNotBefore() throws IOException {
    ParameterStoreStandIn.holds(ssm, PARAMETER, deployers(ACTOR), 1);
    DetectHandler handler = handler(env());
    assertThat(judge(handler)).as("v1: svc-reporting is a deployer").isZero();

    ParameterStoreStandIn.holds(ssm, PARAMETER, deployers(PIPELINE), 2);
    clock.advance(Duration.ofSeconds(299));
    assertThat(judge(handler)).as("v2 stored, but v1 is trusted for 300 s").isZero();

    clock.advance(Duration.ofSeconds(2));
    assertThat(judge(handler)).as("v2: only the pipeline role deploys").isEqualTo(1);
    assertThat(logged()).contains("\"message\":\"configuration updated\"").contains("\"source\":\"ssm:/trailwatch/config\"");
  }

  @Test
  void theTimeToLiveComesFromTheEnvironment() throws IOException {
    ParameterStoreStandIn.holds(ssm, PARAMETER, deployers(ACTOR), 1);
    Map<String, String> env = env();
    env.put(ConfigWiring.CONFIG_TTL_SECONDS, "60");
    DetectHandler handler = handler(env);

    ParameterStoreStandIn.holds(ssm, PARAMETER, deployers(PIPELINE), 2);
    clock.advance(Duration.ofSeconds(61));

    assertThat(judge(handler)).isEqualTo(1);
  }

  @Test
  void anInvalidChangeIsRejectedWithItsLineAndTheLastGoodOneStaysInEffect() throws IOException {
    ParameterStoreStandIn.holds(ssm, PARAMETER, suppression(true), 1);
    DetectHandler handler = handler(env());
    assertThat(judge(handler)).as("v1 suppresses it").isZero();
    assertThat(logged()).contains("\"message\":\"finding suppressed\"").contains("\"suppression\":\"nightly-export-rebuild\"");

    ParameterStoreStandIn.holds(ssm, PARAMETER, suppression(false), 3);
    clock.advance(Duration.ofMinutes(6));

    assertThat(judge(handler)).as("v3 has no owner: v1 still suppresses").isZero();
    assertThat(logged()).contains("\"message\":\"configuration rejected; keeping the last good one\"")
        .contains("ssm:/trailwatch/config:2: suppression 'nightly-export-rebuild' has no 'owner'");
  }

  @Test
  void parameterStoreFailingOrUnreachableKeepsTheLastGoodOne() throws IOException {
    ParameterStoreStandIn.holds(ssm, PARAMETER, suppression(true), 1);
    Map<String, String> env = env();
    DetectHandler handler = handler(env);

    ParameterStoreStandIn.fails(ssm, 500, "InternalServerError", "We encountered an internal error.");
    clock.advance(Duration.ofMinutes(6));
    assertThat(judge(handler)).isZero();
    assertThat(logged()).contains("configuration could not be read; keeping the last good one").contains("HTTP 500");

    ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    clock.advance(Duration.ofMinutes(6));
    assertThat(judge(handler)).isZero();
    assertThat(logged().lines().filter(l -> l.contains("configuration could not be read"))).hasSize(2);
  }

  @Test
  void anInvalidConfigurationAtInitFailsTheInitWithEveryProblem() {
    ParameterStoreStandIn.holds(ssm, PARAMETER,
        suppression(false) + "rules:\n  lambda_function_code_updated_outside_pipelin:\n    enabled: false\n", 1);

    assertThatThrownBy(() -> handler(env())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("ssm:/trailwatch/config:2: suppression 'nightly-export-rebuild' has no 'owner'")
        .hasMessageContaining("no rule has the id 'lambda_function_code_updated_outside_pipelin'");
    assertThat(logged()).contains("configuration rejected at init");
  }

  @Test
  void aMissingParameterAtInitFailsTheInitNamingIt() {
    ParameterStoreStandIn.fails(ssm, 400, "ParameterNotFound", "");

    assertThatThrownBy(() -> handler(env())).hasMessageContaining("parameter /trailwatch/config does not exist");
    assertThat(logged()).contains("configuration could not be read at init");
  }

  @Test
  void theDeployerParameterIsTheFallbackWhenTheConfigurationListsNoDeployers() throws IOException {
    Map<String, String> env = env();
    env.put(DetectWiring.DEPLOYER_ARNS, ACTOR);
    ParameterStoreStandIn.holds(ssm, PARAMETER, "alerts:\n  digest_threshold: 5\n", 1);
    DetectHandler handler = handler(env);
    assertThat(judge(handler)).as("no deployers in the configuration: the parameter's").isZero();

    ParameterStoreStandIn.holds(ssm, PARAMETER, deployers(PIPELINE), 2);
    clock.advance(Duration.ofMinutes(6));
    assertThat(judge(handler)).as("the configuration's list replaces the parameter's").isEqualTo(1);
  }

  @Test
  void afterASnapStartRestoreTheParameterIsReadAgainAtTheFirstEvent() throws IOException {
    ParameterStoreStandIn.holds(ssm, PARAMETER, deployers(ACTOR), 1);
    DetectHandler handler = handler(env());
    ParameterStoreStandIn.holds(ssm, PARAMETER, deployers(PIPELINE), 2);
    assertThat(judge(handler)).isZero();

    handler.afterRestore(null);

    assertThat(judge(handler)).as("read again at once, not after the time to live").isEqualTo(1);
  }

  @Test
  void withoutAParameterNothingIsAskedOfParameterStore() throws IOException {
    Map<String, String> env = env();
    env.remove(ConfigWiring.CONFIG_PARAMETER);
    env.put(DetectWiring.DEPLOYER_ARNS, ACTOR);
    DetectHandler handler = handler(env);

    assertThat(judge(handler)).isZero();
    handler.afterRestore(null);
    assertThat(judge(handler)).isZero();
    assertThat(ssm.getAllServeEvents()).isEmpty();
  }
}
