package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.deploy.support.Policies;
import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class IamLeastPrivilegeTest {

  @Test
  void everyStatementOfTheProjectTemplateIsLeastPrivilege() {
    assertThat(Policies.identityStatements(Template.project())).hasSizeGreaterThan(5);
    assertNone(IamLeastPrivilegeCheck.problems(Template.project()));
  }

  @Test
  void wildcardsAndUnjustifiedStarsAreReported() {
    assertReported(IamLeastPrivilegeCheck.problems(mini("""
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole]
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Statement:
                      - Sid: AllOfSqs
                        Effect: Allow
                        Action: sqs:*
                        Resource: !GetAtt Queue.Arn
                      - Sid: Reads
                        Effect: Allow
                        Action: [s3:Get*]
                        Resource: !GetAtt Queue.Arn
                      - Sid: Everywhere
                        Effect: Allow
                        Action: sqs:SendMessage
                        Resource: "*"
                      - Sid: AnyQueueRequiresWildcardResource
                        Effect: Allow
                        Action: sqs:SendMessage
                        Resource: !Sub arn:${AWS::Partition}:sqs:*:${AWS::AccountId}:*
                      - Sid: StaleRequiresWildcardResource
                        Effect: Allow
                        Action: sqs:SendMessage
                        Resource: !GetAtt Queue.Arn
                      - Sid: Inverted
                        Effect: Allow
                        NotAction: iam:*
                        Resource: !GetAtt Queue.Arn
                      - !If
                        - Cond
                        - Sid: Conditional
                          Effect: Allow
                          Action: sns:Publish
                          Resource: "*"
                        - !Ref AWS::NoValue
          Queue: {Type: AWS::SQS::Queue}
        """)),
        "Role: no ManagedPolicyArns",
        "statement AllOfSqs: action sqs:* is not one named action",
        "statement Reads: action s3:Get* is not one named action",
        "statement Everywhere: a wildcard resource [*] needs a named resource, or a Sid ending in RequiresWildcardResource",
        "statement AnyQueueRequiresWildcardResource: a partial wildcard",
        "statement AnyQueueRequiresWildcardResource: sqs:SendMessage is not an action IAM only grants on \"*\"",
        "statement StaleRequiresWildcardResource: Sid says RequiresWildcardResource but the resources are named",
        "statement Inverted: NotAction grants everything else",
        "statement Conditional: a wildcard resource");
  }

  @Test
  void theAllowlistedActionsMayUseStarInAMarkedStatement() {
    assertNone(IamLeastPrivilegeCheck.problems(mini("""
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Statement:
                      - Sid: TracesRequiresWildcardResource
                        Effect: Allow
                        Action: [xray:PutTraceSegments, xray:PutTelemetryRecords]
                        Resource: "*"
        """)));
  }

  @Test
  void aScopedWildcardIsAllowedOnlyForTheActionsThatNeedItAndNeverAsABareStar() {
    assertReported(IamLeastPrivilegeCheck.problems(mini("""
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Statement:
                      - Sid: ReadAllSecretsScopedWildcard
                        Effect: Allow
                        Action: secretsmanager:GetSecretValue
                        Resource: !Sub arn:${AWS::Partition}:secretsmanager:*:*:secret:*
                      - Sid: DescribeAnythingScopedWildcard
                        Effect: Allow
                        Action: organizations:DescribeAccount
                        Resource: "*"
        """)),
        "secretsmanager:GetSecretValue may not use a scoped wildcard",
        "\"*\" alone is not scoped");
    assertNone(IamLeastPrivilegeCheck.problems(mini("""
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Statement:
                      - Sid: DescribeAccountsInOrganizationScopedWildcard
                        Effect: Allow
                        Action: organizations:DescribeAccount
                        Resource: !Sub arn:${AWS::Partition}:organizations::*:account/o-*/*
        """)));
  }
}
