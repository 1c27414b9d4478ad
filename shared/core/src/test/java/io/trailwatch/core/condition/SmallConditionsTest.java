package io.trailwatch.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.core.TestEvents;
import io.trailwatch.core.event.AwsEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conditions whose behaviour fits in a few cases each; one nested group per condition type. */
class SmallConditionsTest {
  static final EvaluationContext NONE = EvaluationContext.EMPTY;

  @Test
  void policyGrantsAdminSeesActionStarOnResourceStarOnly() {
    Condition admin = ConditionFixture.build("{\"type\":\"policy-grants-admin\",\"field\":\"detail.requestParameters.policyDocument\"}");
    AwsEvent star = TestEvents.event("iam.amazonaws.com", "PutUserPolicy",
        "{\"userName\":\"bob\",\"policyName\":\"p\",\"policyDocument\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}");
    AwsEvent narrow = TestEvents.event("iam.amazonaws.com", "PutUserPolicy",
        "{\"userName\":\"bob\",\"policyName\":\"p\",\"policyDocument\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:GetObject\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}");
    assertThat(admin.test(star, NONE)).isTrue();
    assertThat(admin.test(narrow, NONE)).isFalse();
  }

  @Test
  void actorNotInAllowlistComparesTheRoleBehindASession() {
    Condition notDeployer = ConditionFixture.build(
        "{\"type\":\"actor-not-in-allowlist\",\"allowlist\":\"deployers\",\"allowed_services\":[\"cloudformation.amazonaws.com\"]}");
    AwsEvent pipeline = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/github-actions-deploy", null));
    AwsEvent human = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/Admin", null));
    AwsEvent viaStack = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/Admin", "cloudformation.amazonaws.com"));
    EvaluationContext tuning = new EvaluationContext(Map.of("deployers", List.of("arn:aws:iam::*:role/github-actions-*")));

    assertThat(notDeployer.test(pipeline, tuning)).isFalse();
    assertThat(notDeployer.test(human, tuning)).isTrue();
    assertThat(notDeployer.test(viaStack, tuning)).isFalse();
    assertThat(notDeployer.test(pipeline, NONE)).as("an unconfigured allowlist allows nobody").isTrue();
  }

  @Test
  void targetIsAnotherUserComparesFieldToField() {
    Condition other = ConditionFixture.build("{\"type\":\"target-is-another-user\",\"field\":\"detail.requestParameters.userName\"}");
    assertThat(other.test(TestEvents.event("iam.amazonaws.com", "CreateAccessKey", "{\"userName\":\"bob\"}"), NONE)).isTrue();
    assertThat(other.test(TestEvents.event("iam.amazonaws.com", "CreateAccessKey", "{\"userName\":\"alice\"}"), NONE)).isFalse();
    assertThat(other.test(TestEvents.event("iam.amazonaws.com", "CreateAccessKey", "null"), NONE)).isFalse();
    AwsEvent byRole = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/Admin", null)
        .replace("\"eventType\"", "\"requestParameters\":{\"userName\":\"alice\"},\"eventType\""));
    assertThat(other.test(byRole, NONE)).as("a role acting on a user acts on another").isTrue();
  }

  @Test
  void securityGroupOpenToWorldReadsEachPermissionWhole() {
    Condition admin = ConditionFixture.build("{\"type\":\"security-group-open-to-world\",\"ports\":[22,3389]}");
    assertThat(admin.test(ingress("tcp", 22, 22, "0.0.0.0/0"), NONE)).isTrue();
    assertThat(admin.test(ingress("tcp", 0, 65535, "0.0.0.0/0"), NONE)).as("a range covering 22").isTrue();
    assertThat(admin.test(ingress("-1", -1, -1, "0.0.0.0/0"), NONE)).as("all protocols").isTrue();
    assertThat(admin.test(ingress("tcp", 443, 443, "0.0.0.0/0"), NONE)).isFalse();
    assertThat(admin.test(ingress("tcp", 22, 22, "10.0.0.0/8"), NONE)).isFalse();
    AwsEvent modify = TestEvents.event("ec2.amazonaws.com", "ModifySecurityGroupRules",
        "{\"ModifySecurityGroupRulesRequest\":{\"GroupId\":\"sg-1\",\"SecurityGroupRule\":{\"SecurityGroupRuleId\":\"sgr-1\","
            + "\"SecurityGroupRule\":{\"IpProtocol\":\"tcp\",\"FromPort\":3389,\"ToPort\":3389,\"CidrIpv6\":\"::/0\"}}}}");
    assertThat(admin.test(modify, NONE)).isTrue();
    AwsEvent shortForm = TestEvents.event("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress",
        "{\"groupId\":\"sg-1\",\"ipPermissions\":{},\"ipProtocol\":\"tcp\",\"fromPort\":\"22\",\"toPort\":22,\"cidrIp\":\"0.0.0.0/0\"}");
    assertThat(admin.test(shortForm, NONE)).as("aws ec2 authorize-security-group-ingress --port 22 --cidr 0.0.0.0/0").isTrue();
  }

  static AwsEvent ingress(String protocol, int from, int to, String cidr) {
    return TestEvents.event("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress",
        "{\"groupId\":\"sg-1\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\",\"fromPort\":80,\"toPort\":80,"
            + "\"ipRanges\":{\"items\":[{\"cidrIp\":\"10.1.0.0/16\"}]}},{\"ipProtocol\":\"%s\",\"fromPort\":%d,\"toPort\":%d,"
                .formatted(protocol, from, to)
            + "\"ipRanges\":{\"items\":[{\"cidrIp\":\"" + cidr + "\"}]}}]}}");
  }

  @Test
  void configBecameNonCompliantOnlyOnTheTransition() {
    Condition transition = ConditionFixture.build("{\"type\":\"config-became-noncompliant\"}");
    assertThat(transition.test(compliance("NON_COMPLIANT", "COMPLIANT"), NONE)).isTrue();
    assertThat(transition.test(compliance("NON_COMPLIANT", null), NONE)).as("first evaluation").isTrue();
    assertThat(transition.test(compliance("NON_COMPLIANT", "NON_COMPLIANT"), NONE)).as("repeat").isFalse();
    assertThat(transition.test(compliance("COMPLIANT", "NON_COMPLIANT"), NONE)).isFalse();
  }

  static AwsEvent compliance(String now, String before) {
    String old = before == null ? "" : ",\"oldEvaluationResult\":{\"complianceType\":\"" + before + "\"}";
    return TestEvents.fromJson("""
        {"version":"0","id":"c1","detail-type":"Config Rules Compliance Change","source":"aws.config",
         "account":"111122223333","time":"2026-03-14T10:00:00Z","region":"us-east-1","resources":[],
         "detail":{"configRuleName":"iam-user-mfa-enabled","newEvaluationResult":{"complianceType":"%s"}%s}}
        """.formatted(now, old));
  }

  @Test
  void theVocabularyRejectsUnknownTypesAndParametersByName() {
    assertThatThrownBy(() -> ConditionFixture.build("{\"type\":\"policy-is-public\"}"))
        .hasMessageContaining("unknown condition type 'policy-is-public'").hasMessageContaining("policy-allows-public");
    assertThatThrownBy(() -> ConditionFixture.build("{\"type\":\"policy-allows-public\"}"))
        .hasMessageContaining("needs parameter 'field'");
    assertThatThrownBy(() -> ConditionFixture.build("{\"type\":\"policy-allows-public\",\"field\":\"x\",\"feild\":\"y\"}"))
        .hasMessageContaining("no parameter 'feild'");
    assertThatThrownBy(() -> ConditionFixture.build("{\"type\":\"security-group-open-to-world\",\"ports\":[\"ssh\"]}"))
        .hasMessageContaining("'ports' should be int list");
  }

  @Test
  void outsideChangeWindowJudgesTheEventsOwnTimeAndIsSilentWithoutAWindow() {
    Condition outside = ConditionFixture.build("{\"type\":\"outside-change-window\",\"window\":\"deployments\"}");
    EvaluationContext weekdays = new EvaluationContext(Map.of(), Map.of("deployments",
        new io.trailwatch.core.config.ChangeWindow("deployments", java.time.ZoneId.of("Europe/Paris"),
            java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
            java.time.LocalTime.of(8, 0), java.time.LocalTime.of(19, 0))));
    AwsEvent saturday = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/deploy", null));
    AwsEvent monday = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/deploy", null)
        .replace("2026-03-14T10:00:00Z", "2026-03-16T10:00:00Z"));

    assertThat(outside.test(saturday, weekdays)).isTrue();
    assertThat(outside.test(monday, weekdays)).isFalse();
    assertThat(outside.test(saturday, NONE)).as("no window configured: silent").isFalse();
  }

  @Test
  void sourceIpNotInAllowlistReadsCidrBlocks() {
    Condition offsite = ConditionFixture.build("{\"type\":\"source-ip-not-in-allowlist\",\"allowlist\":\"office\"}");
    EvaluationContext office = new EvaluationContext(Map.of("office", List.of("198.51.100.0/24", "2001:db8::/32")));
    AwsEvent fromOffice = TestEvents.event("iam.amazonaws.com", "CreateUser", "{}");
    AwsEvent fromElsewhere = TestEvents.fromJson(TestEvents.record("iam.amazonaws.com", "CreateUser", "{}").toString()
        .replace("198.51.100.10", "203.0.113.9"));

    assertThat(offsite.test(fromOffice, office)).isFalse();
    assertThat(offsite.test(fromElsewhere, office)).isTrue();
    assertThat(offsite.test(fromOffice, NONE)).as("no trusted network configured").isTrue();
  }

  @Test
  void grantsForeignAccountReadsPoliciesAndPrincipalListsAndSparesTheEstate() {
    Condition foreign = ConditionFixture.build(
        "{\"type\":\"grants-foreign-account\",\"field\":\"detail.requestParameters.policy\",\"allowlist\":\"trusted\"}");
    String policy = "{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"%s\\\"},"
        + "\\\"Action\\\":\\\"kms:Decrypt\\\",\\\"Resource\\\":\\\"*\\\"%s}]}";
    AwsEvent toOutsider = TestEvents.event("kms.amazonaws.com", "PutKeyPolicy",
        "{\"policy\":\"" + policy.formatted("arn:aws:iam::444455556666:root", "") + "\"}");
    AwsEvent toOwnAccount = TestEvents.event("kms.amazonaws.com", "PutKeyPolicy",
        "{\"policy\":\"" + policy.formatted("arn:aws:iam::111122223333:role/app", "") + "\"}");
    AwsEvent toOrg = TestEvents.event("kms.amazonaws.com", "PutKeyPolicy",
        "{\"policy\":\"" + policy.formatted("arn:aws:iam::444455556666:root",
            ",\\\"Condition\\\":{\\\"StringEquals\\\":{\\\"aws:PrincipalOrgID\\\":\\\"o-abc123\\\"}}") + "\"}");
    AwsEvent toEveryone = TestEvents.event("kms.amazonaws.com", "PutKeyPolicy",
        "{\"policy\":\"" + policy.formatted("*", "") + "\"}");
    EvaluationContext trusted = new EvaluationContext(Map.of("trusted", List.of("444455556666")));

    assertThat(foreign.test(toOutsider, NONE)).isTrue();
    assertThat(foreign.test(toOutsider, trusted)).as("a trusted account").isFalse();
    assertThat(foreign.test(toOwnAccount, NONE)).as("the event's own account").isFalse();
    assertThat(foreign.test(toOrg, NONE)).as("restricted to the organization").isFalse();
    assertThat(foreign.test(toEveryone, NONE)).as("public is the other condition's").isFalse();

    Condition snapshot = ConditionFixture.build(
        "{\"type\":\"grants-foreign-account\",\"field\":\"detail.requestParameters.createVolumePermission.add.items\"}");
    AwsEvent shared = TestEvents.event("ec2.amazonaws.com", "ModifySnapshotAttribute",
        "{\"createVolumePermission\":{\"add\":{\"items\":[{\"userId\":\"777788889999\"}]}}}");
    AwsEvent publicOnly = TestEvents.event("ec2.amazonaws.com", "ModifySnapshotAttribute",
        "{\"createVolumePermission\":{\"add\":{\"items\":[{\"group\":\"all\"}]}}}");
    assertThat(snapshot.test(shared, NONE)).isTrue();
    assertThat(snapshot.test(publicOnly, NONE)).isFalse();
  }

  @Test
  void aFieldMayNameAlternativesForCallsThatNameTheSameDocumentDifferently() {
    Condition trust = ConditionFixture.build("{\"type\":\"grants-foreign-account\",\"field\":"
        + "\"detail.requestParameters.policyDocument|detail.requestParameters.assumeRolePolicyDocument\"}");
    String doc = "{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"arn:aws:iam::777788889999:root\\\"},"
        + "\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}";
    AwsEvent update = TestEvents.event("iam.amazonaws.com", "UpdateAssumeRolePolicy",
        "{\"roleName\":\"app\",\"policyDocument\":\"" + doc + "\"}");
    AwsEvent create = TestEvents.event("iam.amazonaws.com", "CreateRole",
        "{\"roleName\":\"app\",\"assumeRolePolicyDocument\":\"" + doc + "\"}");
    AwsEvent neither = TestEvents.event("iam.amazonaws.com", "CreateRole", "{\"roleName\":\"app\"}");
    assertThat(trust.test(update, NONE)).isTrue();
    assertThat(trust.test(create, NONE)).isTrue();
    assertThat(trust.test(neither, NONE)).isFalse();
  }
}
