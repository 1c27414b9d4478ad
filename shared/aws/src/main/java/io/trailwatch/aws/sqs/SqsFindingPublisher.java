package io.trailwatch.aws.sqs;

import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.finding.FindingJson;
import io.trailwatch.core.port.FindingPublisher;
import io.trailwatch.core.port.PublishException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Puts findings on the SQS findings queue, ten to a SendMessageBatch call (SQS's limit). A batch call can
 * succeed for some entries and fail for others; any failed entry makes the whole publish fail, so the
 * detector's event is retried (the findings are idempotent by id, so a retry that re-sends the ones that
 * went through is harmless: the router dedups by finding id).
 */
public final class SqsFindingPublisher implements FindingPublisher {
  static final int MAX_BATCH = 10;

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsFindingPublisher(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void publish(List<Finding> findings) {
    for (int start = 0; start < findings.size(); start += MAX_BATCH) {
      send(findings.subList(start, Math.min(findings.size(), start + MAX_BATCH)));
    }
  }

  private void send(List<Finding> batch) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Finding f = batch.get(i);
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(json(f))
              .messageAttributes(
                  Map.of(
                      "severity", text(f.severity()),
                      "category", text(f.category()),
                      "ruleId", text(f.ruleId()),
                      "findingId", text(f.id())))
              .build());
    }
    SendMessageBatchResponse response;
    try {
      response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    } catch (SdkException e) {
      throw new PublishException("SendMessageBatch to " + queueUrl + " failed: " + e.getMessage(), e);
    }
    if (response.hasFailed() && !response.failed().isEmpty()) {
      List<String> reasons = new ArrayList<>();
      for (BatchResultErrorEntry failed : response.failed()) {
        Finding f = batch.get(Integer.parseInt(failed.id()));
        reasons.add(f.id() + " (" + f.ruleId() + "): " + failed.code() + " " + failed.message());
      }
      throw new PublishException(
          reasons.size() + " of " + batch.size() + " findings were not queued: " + String.join("; ", reasons));
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value == null ? "" : value).build();
  }

  private static String json(Finding finding) {
    return FindingJson.toJson(finding);
  }
}
