package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;

import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class FunctionPermissionsTest {

  @Test
  void eachRoleAllowsWhatLambdaDoesWithItForTheProjectTemplate() {
    assertNone(FunctionPermissionsCheck.problems(Template.project()));
  }

  @Test
  void aRoleMissingWhatLambdaNeedsIsReported() {
    assertReported(FunctionPermissionsCheck.problems(mini("""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Role: !GetAtt Role.Arn
              Tracing: Active
              LoggingConfig: {LogGroup: !Ref Logs}
              DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt Failed.Arn}
              Events:
                Work:
                  Type: SQS
                  Properties: {Queue: !GetAtt Work.Arn}
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: logs:PutLogEvents
                        Resource: !GetAtt Logs.Arn
                      - Effect: Allow
                        Action: sqs:SendMessage
                        Resource: !GetAtt Work.Arn
          Logs: {Type: AWS::Logs::LogGroup}
          Failed: {Type: AWS::SQS::Queue}
          Work: {Type: AWS::SQS::Queue}
          Other:
            Type: AWS::Serverless::Function
            Properties: {Role: !GetAtt Role.Arn}
        """)),
        "Fn: its role Role does not allow logs:CreateLogStream on Logs",
        "Fn: its role Role does not allow xray:PutTraceSegments on *",
        "Fn: its role Role does not allow sqs:SendMessage on Failed",
        "Fn: its role Role does not allow sqs:ReceiveMessage on Work",
        "Other: LoggingConfig.LogGroup must name a log group of this template");
  }
}
