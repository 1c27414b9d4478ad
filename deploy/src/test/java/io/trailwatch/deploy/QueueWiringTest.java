package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;

import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class QueueWiringTest {

  @Test
  void theRouterReadsTheFindingsQueueAsAgreedInTheProjectTemplate() {
    assertNone(QueueWiringCheck.problems(Template.project()));
  }

  @Test
  void aShortVisibilityTimeoutABadBatchAndAShortLivedDeadLetterQueueAreReported() {
    assertReported(QueueWiringCheck.problems(mini("""
        Resources:
          RouteFunction:
            Type: AWS::Serverless::Function
            Properties:
              Timeout: 60
              Events:
                Findings:
                  Type: SQS
                  Properties: {Queue: !GetAtt FindingsQueue.Arn, BatchSize: 100}
          FindingsQueue:
            Type: AWS::SQS::Queue
            Properties:
              VisibilityTimeout: 60
              RedrivePolicy: {deadLetterTargetArn: !GetAtt Parked.Arn, maxReceiveCount: 0}
          Parked:
            Type: AWS::SQS::Queue
            Properties: {MessageRetentionPeriod: 3600}
        """)),
        "RouteFunction needs an SQS event on FindingsQueue with BatchSize 10",
        "FindingsQueue: VisibilityTimeout must be at least 6 x RouteFunction's Timeout (360 s), is 60",
        "FindingsQueue: RedrivePolicy needs a maxReceiveCount of at least 1",
        "Parked: MessageRetentionPeriod must exceed FindingsQueue's");
  }
}
