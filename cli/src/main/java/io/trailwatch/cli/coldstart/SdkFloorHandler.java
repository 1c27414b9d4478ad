package io.trailwatch.cli.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.trailwatch.aws.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The SDK floor of the detector: builds the same SQS client the detector builds (url-connection HTTP
 * client, same timeouts, built by the same {@link Environment#client}) and makes the same call, a SendMessageBatch
 * of one message with attributes, with no rules and no JSON beyond the SDK's own. With a state table
 * configured it also builds the DynamoDB client the detector builds for stateful rules (neither calls it
 * on the probe's event, which no stateful rule matches).
 */
public final class SdkFloorHandler implements RequestStreamHandler {
  private final SqsClient sqs = Environment.client(SqsClient.builder(), System.getenv(), "SQS");
  private final DynamoDbClient dynamo = System.getenv("TRAILWATCH_STATE_TABLE") == null ? null
      : Environment.client(DynamoDbClient.builder(), System.getenv(), "DYNAMODB");

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
