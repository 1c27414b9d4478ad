package io.trailwatch.cli.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The SDK floor of the router: builds the same SNS and IAM clients the router builds and makes the same
 * calls (ListRoleTags for the caller's role, then a Publish with a subject and message attributes), with
 * no JSON of its own and no rendering.
 */
public final class SnsFloorHandler implements RequestStreamHandler {
  private final SnsClient sns =
      SnsClient.builder()
          .httpClient(UrlConnectionHttpClient.create())
          .region(Region.of(System.getenv("AWS_REGION")))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
              System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
          .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_SNS")))
          .build();
  private final IamClient iam =
      IamClient.builder()
          .httpClient(UrlConnectionHttpClient.create())
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
              System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
          .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_IAM")))
          .build();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    input.readAllBytes();
    iam.listRoleTags(b -> b.roleName("AWSReservedSSO_AdministratorAccess_4f8a1b2c3d4e5f60"));
    sns.publish(b -> b.topicArn(System.getenv("TRAILWATCH_ALERT_TOPIC_ARN")).subject("[HIGH] floor").message("floor")
        .messageAttributes(Map.of("severity", MessageAttributeValue.builder().dataType("String").stringValue("HIGH").build())));
    output.write("{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
