package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;

import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class EncryptionTest {

  @Test
  void everyStoreOfTheProjectTemplateIsEncryptedAndTheTableIsSetUp() {
    assertNone(EncryptionCheck.problems(Template.project()));
  }

  @Test
  void unencryptedStoresAndAnAlarmTopicOnTheAwsManagedKeyAreReported() {
    assertReported(EncryptionCheck.problems(mini("""
        Resources:
          Queue: {Type: AWS::SQS::Queue}
          Quiet: {Type: AWS::SNS::Topic}
          Alerts:
            Type: AWS::SNS::Topic
            Properties: {KmsMasterKeyId: alias/aws/sns}
          Alarm:
            Type: AWS::CloudWatch::Alarm
            Properties: {AlarmActions: [!Ref Alerts]}
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PROVISIONED
              TimeToLiveSpecification: {Enabled: true}
          Key: {Type: AWS::KMS::Key}
        """)),
        "Queue: set SqsManagedSseEnabled: true",
        "Quiet: set KmsMasterKeyId",
        "Alerts: alarms publish to it, so its KmsMasterKeyId must be a key of this template",
        "Table: BillingMode must be PAY_PER_REQUEST, is PROVISIONED",
        "Table: TimeToLiveSpecification needs its AttributeName",
        "Table: PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled must be true",
        "Table: SSESpecification.SSEEnabled must be true",
        "Key: EnableKeyRotation must be true");
  }
}
