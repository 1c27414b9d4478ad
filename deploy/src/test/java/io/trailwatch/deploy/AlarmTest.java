package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class AlarmTest {

  @Test
  void bothDeadLetterQueuesAndBothFunctionsAreWatchedInTheProjectTemplate() {
    assertThat(AlarmCheck.deadLetterQueues(Template.project()))
        .containsExactlyInAnyOrder("FindingsDeadLetterQueue", "DetectEventsDeadLetterQueue");
    assertNone(AlarmCheck.problems(Template.project()));
  }

  @Test
  void unwatchedDeadLetterQueuesAndFunctionsAreReported() {
    assertReported(AlarmCheck.problems(mini("""
        Resources:
          Work:
            Type: AWS::SQS::Queue
            Properties: {RedrivePolicy: {deadLetterTargetArn: !GetAtt Parked.Arn, maxReceiveCount: 5}}
          Parked: {Type: AWS::SQS::Queue}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Rule:
                  Type: EventBridgeRule
                  Properties: {Pattern: {source: [aws.config]}, DeadLetterConfig: {Arn: !GetAtt Undelivered.Arn}}
          Undelivered: {Type: AWS::SQS::Queue}
          LateAlarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              Namespace: AWS/SQS
              MetricName: ApproximateNumberOfMessagesVisible
              Dimensions: [{Name: QueueName, Value: !GetAtt Parked.QueueName}]
              Threshold: 10
              ComparisonOperator: GreaterThanThreshold
              AlarmActions: [arn:aws:sns:us-east-1:111122223333:elsewhere]
        """)),
        "Parked is a dead-letter queue without an alarm",
        "Undelivered is a dead-letter queue without an alarm",
        "Fn has no alarm on AWS/Lambda Errors",
        "LateAlarm: AlarmActions must notify an SNS topic of this template");
  }
}
