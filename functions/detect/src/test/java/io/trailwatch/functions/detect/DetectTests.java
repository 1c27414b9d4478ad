package io.trailwatch.functions.detect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.aws.DetectWiring;
import java.util.HashMap;
import java.util.Map;

/** What every detector test sets up: the findings queue on the SQS stand-in, and the function's environment. */
final class DetectTests {
  private DetectTests() {}

  /** The stand-in answers SendMessageBatch as SQS does (MD5 digests included). */
  static void queueAcceptsBatches(WireMockExtension sqs) {
    sqs.stubFor(post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AmazonSQS.SendMessageBatch"))
        .willReturn(aResponse().withStatus(200).withTransformers(SqsStandIn.NAME)));
  }

  /** The environment Lambda gives the detector, its findings queue on the stand-in; tests add the rest. */
  static Map<String, String> environment(WireMockExtension sqs) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    env.put("AWS_ENDPOINT_URL_SQS", sqs.baseUrl());
    env.put(DetectWiring.FINDINGS_QUEUE_URL, sqs.baseUrl() + "/111122223333/trailwatch-findings");
    return env;
  }
}
