package io.trailwatch.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.TestEvents;
import io.trailwatch.core.event.AwsEvent;
import org.junit.jupiter.api.Test;

class PolicyAllowsPublicTest {
  final Condition s3 = ConditionFixture.build("{\"type\":\"policy-allows-public\",\"field\":\"detail.requestParameters.bucketPolicy\"}");
  final Condition sns = ConditionFixture.build("{\"type\":\"policy-allows-public\",\"field\":\"detail.requestParameters.attributeValue\"}");

  static AwsEvent bucketPolicy(String statement) {
    return TestEvents.event("s3.amazonaws.com", "PutBucketPolicy",
        "{\"bucketName\":\"b\",\"bucketPolicy\":{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}}");
  }

  @Test
  void principalStarWithoutConditionIsPublic() {
    assertThat(s3.test(bucketPolicy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), EvaluationContext.EMPTY)).isTrue();
    assertThat(s3.test(bucketPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::444455556666:root\",\"*\"]},\"Action\":\"s3:*\",\"Resource\":\"*\"}"), EvaluationContext.EMPTY)).isTrue();
  }

  @Test
  void principalStarPinnedToTheOrganisationOrAVpcEndpointIsNot() {
    assertThat(s3.test(bucketPolicy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}}"), EvaluationContext.EMPTY)).isFalse();
    assertThat(s3.test(bucketPolicy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"AWS:SourceVpce\":\"vpce-1a2b3c4d\"}}}"), EvaluationContext.EMPTY)).isFalse();
  }

  @Test
  void aConditionThatRestrictsNothingKeepsItPublic() {
    assertThat(s3.test(bucketPolicy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}"), EvaluationContext.EMPTY)).isTrue();
  }

  @Test
  void denyStatementsAndNamedAccountsAreNotPublic() {
    assertThat(s3.test(bucketPolicy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}"), EvaluationContext.EMPTY)).isFalse();
    assertThat(s3.test(bucketPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), EvaluationContext.EMPTY)).isFalse();
  }

  @Test
  void aPolicyRecordedAsAJsonStringIsParsedToo() {
    AwsEvent topic = TestEvents.event("sns.amazonaws.com", "SetTopicAttributes",
        "{\"topicArn\":\"arn:aws:sns:us-east-1:111122223333:t\",\"attributeName\":\"Policy\",\"attributeValue\":"
            + "\"{\\\"Statement\\\":{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"SNS:Publish\\\",\\\"Resource\\\":\\\"*\\\"}}\"}");
    assertThat(sns.test(topic, EvaluationContext.EMPTY)).isTrue();
  }

  @Test
  void noPolicyOrAnUnreadableOneIsNotPublic() {
    assertThat(s3.test(TestEvents.event("s3.amazonaws.com", "PutBucketPolicy", "null"), EvaluationContext.EMPTY)).isFalse();
    AwsEvent garbage = TestEvents.event("sns.amazonaws.com", "SetTopicAttributes", "{\"attributeValue\":\"{not json\"}");
    assertThat(sns.test(garbage, EvaluationContext.EMPTY)).isFalse();
  }
}
