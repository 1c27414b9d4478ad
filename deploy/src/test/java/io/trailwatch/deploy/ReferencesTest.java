package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;

import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  @Test
  void everyReferenceOfTheProjectTemplateResolvesWithoutCycles() {
    assertNone(ReferencesCheck.problems(Template.project()));
  }

  @Test
  void danglingReferencesWrongAttributesUndeclaredConditionsAndCyclesAreReported() {
    assertReported(ReferencesCheck.problems(mini("""
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Condition: Missing
            Properties:
              RedrivePolicy: {deadLetterTargetArn: !GetAtt DeadLetters.Arn, maxReceiveCount: 5}
          DeadLetters:
            Type: AWS::SQS::Queue
            Properties:
              RedriveAllowPolicy: {redrivePermission: byQueue, sourceQueueArns: [!GetAtt Queue.Arn]}
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              KmsMasterKeyId: !Ref Kee
              DisplayName: !Sub "${AWS::StackName}-${Nowhere}"
              TopicName: !GetAtt Queue.Url
        """)),
        "Topic refers to Kee, which is not a parameter or resource",
        "Topic refers to Nowhere",
        "!GetAtt Queue.Url: a AWS::SQS::Queue has",
        "condition Missing is used but not declared",
        "dependency cycle: Queue -> DeadLetters -> Queue");
  }

  @Test
  void eventsOfSamFunctionsAreResourcesOthersMayReference() {
    assertNone(ReferencesCheck.problems(mini("""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Changes:
                  Type: EventBridgeRule
                  Properties: {Pattern: {source: [aws.config]}}
          Policy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              PolicyDocument: {Condition: {ArnEquals: {aws:SourceArn: !GetAtt FnChanges.Arn}}}
        """)));
  }
}
