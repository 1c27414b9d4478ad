package io.trailwatch.aws.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.core.event.Json;

/** WireMock answering SSM's GetParameter as SSM does (awsJson1_1), with the text a test puts there. */
public final class ParameterStoreStandIn {
  private ParameterStoreStandIn() {}

  public static void holds(WireMockExtension ssm, String name, String value, int version) {
    try {
      answer(ssm, 200, "{\"Parameter\":{\"Name\":\"" + name + "\",\"Type\":\"SecureString\",\"Value\":"
          + Json.MAPPER.writeValueAsString(value) + ",\"Version\":" + version + "}}");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static void fails(WireMockExtension ssm, int status, String type, String message) {
    answer(ssm, status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  private static void answer(WireMockExtension ssm, int status, String body) {
    ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }
}
