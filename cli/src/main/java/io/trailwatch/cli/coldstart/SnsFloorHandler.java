package io.trailwatch.cli.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.trailwatch.aws.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The SDK floor of the router: builds the same SNS and IAM clients the router builds and makes the same
 * calls (ListRoleTags for the caller's role, then a Publish with a subject and message attributes), with
 * no JSON of its own and no rendering.
 */
public final class SnsFloorHandler implements RequestStreamHandler {
  private final SnsClient sns = Environment.client(SnsClient.builder(), System.getenv(), "SNS");
  private final IamClient iam = Environment.client(IamClient.builder(), Environment.global(System.getenv()), "IAM");

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    input.readAllBytes();
    iam.listRoleTags(b -> b.roleName("AWSReservedSSO_AdministratorAccess_4f8a1b2c3d4e5f60"));
    sns.publish(b -> b.topicArn(System.getenv("TRAILWATCH_ALERT_TOPIC_ARN")).subject("[HIGH] floor").message("floor")
        .messageAttributes(Map.of("severity", MessageAttributeValue.builder().dataType("String").stringValue("HIGH").build())));
    output.write("{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
