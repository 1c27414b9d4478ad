package io.trailwatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.TestEvents;
import io.trailwatch.core.condition.Condition;
import io.trailwatch.core.condition.EvaluationContext;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.rule.Category;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.Severity;
import io.trailwatch.core.rule.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorTest {
  static Rule rule(String id, String pattern, boolean failed, List<Condition> conditions, Status status) {
    return new Rule(id, "T " + id, "Detects " + id, Category.IAM, Severity.HIGH, status, List.of(pattern),
        conditions, List.of(), failed, "{eventName} by {actor} on {detail.requestParameters.userName}",
        List.of("account", "detail.requestParameters.userName"), Duration.ofHours(1), List.of(),
        List.of("T1098"), Map.of(), List.of("x"), List.of(), List.of(), "r/runbook.md", Path.of("."), List.of("Check it."));
  }

  static final String CREATE_USER = "{\"detail\":{\"eventName\":[\"CreateUser\"]}}";
  static final String ANY_IAM = "{\"source\":[\"aws.iam\"]}";

  @Test
  void everyMatchingRuleFiresInOnePassInIdOrder() {
    Detector detector = new Detector(List.of(
        rule("z_any_iam", ANY_IAM, false, List.of(), Status.STABLE),
        rule("a_create_user", CREATE_USER, false, List.of(), Status.STABLE),
        rule("m_other", "{\"detail\":{\"eventName\":[\"DeleteUser\"]}}", false, List.of(), Status.STABLE)));

    List<Finding> findings = detector.evaluate(TestEvents.event("iam.amazonaws.com", "CreateUser", "{\"userName\":\"bob\"}"));

    assertThat(findings).extracting(Finding::ruleId).containsExactly("a_create_user", "z_any_iam");
    Finding f = findings.get(0);
    assertThat(f.title()).isEqualTo("CreateUser by alice on bob");
    assertThat(f.eventId()).isEqualTo("e-CreateUser");
    assertThat(f.principal().arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
    assertThat(f.principal().mfa()).isNull();
    assertThat(f.dedupKey()).isEqualTo("a_create_user|111122223333|bob");
  }

  @Test
  void theSameEventAndRuleAlwaysGiveTheSameFindingId() {
    Detector detector = new Detector(List.of(rule("a_create_user", CREATE_USER, false, List.of(), Status.STABLE)));
    AwsEvent event = TestEvents.event("iam.amazonaws.com", "CreateUser", "{}");

    String first = detector.evaluate(event).get(0).id();
    String again = new Detector(List.of(rule("a_create_user", CREATE_USER, false, List.of(), Status.STABLE)))
        .evaluate(TestEvents.event("iam.amazonaws.com", "CreateUser", "{}")).get(0).id();

    assertThat(first).isEqualTo(again).hasSize(32);
    assertThat(new Detector(List.of(rule("b_other", CREATE_USER, false, List.of(), Status.STABLE))).evaluate(event).get(0).id())
        .isNotEqualTo(first);
  }

  @Test
  void failedCallsFireOnlyRulesThatAskForThem() {
    Detector detector = new Detector(List.of(
        rule("a_changes", CREATE_USER, false, List.of(), Status.STABLE),
        rule("b_denials", CREATE_USER, true, List.of(), Status.STABLE)));
    AwsEvent denied = TestEvents.fromJson(TestEvents.record("iam.amazonaws.com", "CreateUser", "null")
        .put("errorCode", "AccessDenied").toString());

    assertThat(detector.evaluate(denied)).extracting(Finding::ruleId).containsExactly("b_denials");
  }

  @Test
  void aRuleThatThrowsIsReportedAndTheOthersStillFire() {
    List<String> errors = new ArrayList<>();
    Condition broken = (event, context) -> {
      throw new IllegalStateException("boom");
    };
    Detector detector = new Detector(
        List.of(rule("a_broken", CREATE_USER, false, List.of(broken), Status.STABLE),
            rule("b_fine", CREATE_USER, false, List.of(), Status.STABLE)),
        EvaluationContext.EMPTY,
        (rule, event, error) -> errors.add(rule.id() + ": " + error.getMessage()));

    List<Finding> findings = detector.evaluate(TestEvents.event("iam.amazonaws.com", "CreateUser", "{}"));

    assertThat(findings).extracting(Finding::ruleId).containsExactly("b_fine");
    assertThat(errors).containsExactly("a_broken: boom");
  }

  @Test
  void conditionsMustAllHoldAndDeprecatedRulesDoNotRun() {
    Condition no = (event, context) -> false;
    Detector detector = new Detector(List.of(
        rule("a_conditional", CREATE_USER, false, List.of(no), Status.STABLE),
        rule("b_retired", CREATE_USER, false, List.of(), Status.DEPRECATED)));

    assertThat(detector.evaluate(TestEvents.event("iam.amazonaws.com", "CreateUser", "{}"))).isEmpty();
    assertThat(detector.ruleCount()).isEqualTo(1);
  }

  @Test
  void rememberedVerdictsNeverChangeAResultEvenPastTheirBound() {
    Detector detector = new Detector(List.of(
        rule("a_create_user", CREATE_USER, false, List.of(), Status.STABLE),
        rule("b_any_iam", ANY_IAM, false, List.of(), Status.STABLE)));
    AwsEvent create = TestEvents.event("iam.amazonaws.com", "CreateUser", "{}");

    List<String> first = detector.evaluate(create).stream().map(Finding::ruleId).toList();
    for (int i = 0; i < 5000; i++) {
      assertThat(detector.evaluate(TestEvents.event("iam.amazonaws.com", "Call" + i, "{}")))
          .extracting(Finding::ruleId).containsExactly("b_any_iam");
    }
    List<String> again = detector.evaluate(create).stream().map(Finding::ruleId).toList();

    assertThat(first).containsExactly("a_create_user", "b_any_iam").isEqualTo(again);
    assertThat(detector.evaluate(TestEvents.event("ec2.amazonaws.com", "CreateUser", "{}")))
        .as("same name, other service: a different shape, a different verdict")
        .extracting(Finding::ruleId).containsExactly("a_create_user");
  }

  @Test
  void anSsoSessionReadsAsItsPersonAndPermissionSet() {
    Detector detector = new Detector(List.of(rule("a_any", "{\"detail\":{\"eventName\":[\"UpdateFunctionCode20150331v2\"]}}", false, List.of(), Status.STABLE)));
    String sso = TestEvents.roleSession(
            "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_4f8a1b2c3d4e5f60", null)
        .replace("assumed-role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_4f8a1b2c3d4e5f60/session-1",
            "assumed-role/AWSReservedSSO_AdministratorAccess_4f8a1b2c3d4e5f60/alice@example.com");

    Finding f = detector.evaluate(TestEvents.fromJson(sso)).get(0);

    assertThat(f.title()).startsWith("UpdateFunctionCode20150331v2 by alice@example.com (SSO AdministratorAccess)");
  }
}
