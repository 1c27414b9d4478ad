package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;

import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class ResourcePolicyTest {

  @Test
  void theProjectTemplatesResourcePoliciesAreScoped() {
    assertNone(ResourcePolicyCheck.problems(Template.project()));
  }

  @Test
  void openOrUnscopedResourcePoliciesAreReported() {
    assertReported(ResourcePolicyCheck.problems(mini("""
        Resources:
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Sid: AnyRule
                    Effect: Allow
                    Principal: {Service: events.amazonaws.com}
                    Action: sqs:SendMessage
                    Resource: !GetAtt Queue.Arn
          TopicPolicy:
            Type: AWS::SNS::TopicPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Sid: Everyone
                    Effect: Allow
                    Principal: {AWS: "*"}
                    Action: sns:Publish
                    Resource: !Ref Topic
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: [lambda.amazonaws.com, ec2.amazonaws.com]}
                    Action: sts:AssumeRole
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Statement:
                  - Sid: ServiceDoesAnything
                    Effect: Allow
                    Principal: {Service: cloudwatch.amazonaws.com}
                    Action: kms:*
                    Resource: "*"
        """)),
        "QueuePolicy statement AnyRule: a service principal [events.amazonaws.com] needs an aws:SourceArn",
        "TopicPolicy statement Everyone: allows everyone",
        "Role trust policy statement #0: a function role trusts the Lambda service only",
        "Key key policy statement ServiceDoesAnything: only the account root");
  }
}
