package io.trailwatch.cli.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The SDK floor of the detector: builds the same SQS client the detector builds (url-connection HTTP
 * client, static credentials, endpoint from the environment) and makes the same call, a SendMessageBatch
 * of one message with attributes, with no rules and no JSON beyond the SDK's own.
 */
public final class SdkFloorHandler implements RequestStreamHandler {
  private final SqsClient sqs =
      SqsClient.builder()
          .httpClient(UrlConnectionHttpClient.create())
          .region(Region.of(System.getenv("AWS_REGION")))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
              System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
          .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_SQS")))
          .build();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    input.readAllBytes();
    sqs.sendMessageBatch(b -> b.queueUrl(System.getenv("TRAILWATCH_FINDINGS_QUEUE_URL"))
        .entries(e -> e.id("0").messageBody("{\"id\":\"floor\"}")
            .messageAttributes(java.util.Map.of("severity",
                MessageAttributeValue.builder().dataType("String").stringValue("HIGH").build()))));
    output.write("{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
