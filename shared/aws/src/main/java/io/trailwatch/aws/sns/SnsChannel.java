package io.trailwatch.aws.sns;

import io.trailwatch.aws.SdkFailures;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.render.Enricher;
import io.trailwatch.core.render.PlainTextAlert;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes each alert to the SNS alert topic: a subject within SNS's limit, a plain-text message that
 * reads well in e-mail, and message attributes ({@code severity}, {@code category}, {@code ruleId},
 * {@code account}) that subscription filter policies select on, so a pager subscribes to HIGH and
 * CRITICAL only. Throttling, 5xx and network errors are transient (the finding comes back from the
 * queue); any other rejection is permanent.
 */
public final class SnsChannel implements AlertChannel {
  private final SnsClient sns;
  private final String topicArn;
  private final Enricher enricher;

  public SnsChannel(SnsClient sns, String topicArn, Enricher enricher) {
    this.sns = sns;
    this.topicArn = topicArn;
    this.enricher = enricher;
  }

  public SnsChannel(SnsClient sns, String topicArn) {
    this(sns, topicArn, Enricher.NONE);
  }

  @Override
  public String name() {
    return "sns";
  }

  @Override
  public void deliver(Finding f) {
    try {
      sns.publish(b -> b.topicArn(topicArn)
          .subject(PlainTextAlert.subject(f))
          .message(PlainTextAlert.body(f, enricher.contextOf(f)))
          .messageAttributes(Map.of(
              "severity", text(f.severity()),
              "category", text(f.category()),
              "ruleId", text(f.ruleId()),
              "account", text(f.account()))));
    } catch (SdkException e) {
      throw SdkFailures.delivery("SNS Publish", e);
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value == null || value.isEmpty() ? "-" : value).build();
  }
}
