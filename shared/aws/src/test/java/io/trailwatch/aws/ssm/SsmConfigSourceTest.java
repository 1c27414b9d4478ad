package io.trailwatch.aws.ssm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.aws.Environment;
import io.trailwatch.core.config.ConfigSource.ConfigSourceException;
import io.trailwatch.core.event.Json;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The configuration read from Parameter Store through the real SSM client, against WireMock answering as
 * SSM does (awsJson1_1: POST / with X-Amz-Target AmazonSSM.GetParameter).
 */
class SsmConfigSourceTest {
  static final String NAME = "/trailwatch/config";

  @RegisterExtension
  static WireMockExtension ssm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  SsmConfigSource source() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    env.put("AWS_ENDPOINT_URL_SSM", ssm.baseUrl());
    return new SsmConfigSource(Environment.client(SsmClient.builder(), env, "SSM"), NAME);
  }

  static void answers(int status, String body) {
    ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }

  static String parameter(String type, String value) throws Exception {
    return "{\"Parameter\":{\"Name\":\"" + NAME + "\",\"Type\":\"" + type + "\",\"Value\":"
        + Json.MAPPER.writeValueAsString(value) + ",\"Version\":3,\"ARN\":\"arn:aws:ssm:us-east-1:111122223333:parameter"
        + NAME + "\"}}";
  }

  @Test
  void readsTheParameterDecryptedAndIsNamedByIt() throws Exception {
    answers(200, parameter("SecureString", "allowlists:\n  deployers: [arn:aws:iam::111122223333:role/ci]\n"));

    SsmConfigSource source = source();

    assertThat(source.name()).isEqualTo("ssm:/trailwatch/config");
    assertThat(source.fetch()).isEqualTo("allowlists:\n  deployers: [arn:aws:iam::111122223333:role/ci]\n");
    ssm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
        .withRequestBody(equalToJson("{\"Name\":\"/trailwatch/config\",\"WithDecryption\":true}")));
  }

  @Test
  void aMissingParameterSaysSoByName() {
    answers(400, "{\"__type\":\"ParameterNotFound\",\"message\":\"\"}");

    assertThatThrownBy(() -> source().fetch()).isInstanceOf(ConfigSourceException.class)
        .hasMessageContaining("parameter /trailwatch/config does not exist").hasMessageContaining("HTTP 400");
  }

  @Test
  void aDeniedReadSaysWhichPermissionsAreNeeded() {
    answers(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:sts::111122223333:assumed-role/r/f"
        + " is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:111122223333:parameter/trailwatch/config\"}");

    assertThatThrownBy(() -> source().fetch()).isInstanceOf(ConfigSourceException.class)
        .hasMessageContaining("ssm:/trailwatch/config: SSM GetParameter failed with HTTP 400")
        .hasMessageContaining("needs ssm:GetParameter").hasMessageContaining("kms:Decrypt");
  }

  @Test
  void aServerErrorIsRetriedByTheSdkThenReportedWithItsStatus() {
    answers(500, "{\"__type\":\"InternalServerError\",\"message\":\"We encountered an internal error.\"}");

    assertThatThrownBy(() -> source().fetch()).isInstanceOf(ConfigSourceException.class)
        .hasMessageContaining("HTTP 500").hasMessageContaining("internal error");
    assertThat(ssm.getAllServeEvents()).as("the SDK retried before giving up").hasSizeGreaterThan(1);
  }

  @Test
  void anUnreachableEndpointIsAFailureToRead() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "x");
    env.put("AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:1");
    env.put("TRAILWATCH_HTTP_TIMEOUT_MS", "500");
    SsmConfigSource source = new SsmConfigSource(Environment.client(SsmClient.builder(), env, "SSM"), NAME);

    assertThatThrownBy(source::fetch).isInstanceOf(ConfigSourceException.class)
        .hasMessageContaining("ssm:/trailwatch/config: SSM GetParameter failed");
  }
}
