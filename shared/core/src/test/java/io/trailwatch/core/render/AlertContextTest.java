package io.trailwatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.TestFindings;
import io.trailwatch.core.event.Principal;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.AccountNames;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertContextTest {
  static Finding by(String type, String arn) {
    Finding f = TestFindings.finding("t", "ua", "b");
    return new Finding(f.id(), f.ruleId(), f.title(), f.category(), f.severity(), f.status(), f.eventId(),
        f.eventTime(), f.eventSource(), f.eventName(), f.account(), f.region(), new Principal(arn, type, null),
        f.sourceIp(), f.userAgent(), f.resources(), f.attack(), f.compliance(), f.runbook(), f.ruleTitle(),
        f.description(), f.dedupKey());
  }

  @Test
  void principalsReadAsPeopleRecogniseThem() {
    assertThat(AlertContext.of(by("AssumedRole",
        "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_4f8a1b2c3d4e5f60/alice@example.com"),
        AccountNames.NONE)).satisfies(c -> {
          assertThat(c.principalKind()).isEqualTo("SSO user, permission set AdministratorAccess");
          assertThat(c.sessionIssuer()).isEqualTo("AWSReservedSSO_AdministratorAccess_4f8a1b2c3d4e5f60");
        });
    assertThat(AlertContext.kind(new Principal("arn:aws:sts::1:assumed-role/app/i-0abc123def4567890", "AssumedRole", null)))
        .isEqualTo("EC2 instance role session");
    assertThat(AlertContext.kind(new Principal("arn:aws:iam::1:root", "Root", null))).isEqualTo("the account's root user");
    assertThat(AlertContext.kind(null)).startsWith("no caller");
  }

  @Test
  void theAccountIsNamedWhenKnownAndAFailingSourceMarksTheAlertPartial() {
    Finding f = TestFindings.finding("t", "ua", "b");

    assertThat(AlertContext.of(f, AccountNames.of(Map.of("111122223333", "prod-payments"))).accountName())
        .isEqualTo("prod-payments (111122223333)");
    AlertContext failing = AlertContext.of(f, id -> {
      throw new IllegalStateException("organizations:DescribeAccount denied");
    });
    assertThat(failing.accountName()).isEqualTo("111122223333");
    assertThat(failing.partial()).containsExactly("account name unavailable: organizations:DescribeAccount denied");
  }

  @Test
  void theEventLinksToCloudTrailEventHistoryInItsRegion() {
    assertThat(AlertContext.eventLink(TestFindings.finding("t", "ua", "b")))
        .isEqualTo("https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/e-1");
  }

  @Test
  void ownerTagsAreShownAndAFailingLookupMarksThePartial() {
    Finding f = TestFindings.finding("t", "ua", "b");
    Enricher tagged = new Enricher(AccountNames.NONE, p -> Map.of("Owner", "payments-team", "cost-center", "42"));
    Enricher failing = new Enricher(AccountNames.NONE, p -> {
      throw new IllegalStateException("iam:ListUserTags denied");
    });

    assertThat(tagged.contextOf(f).ownerTags()).containsExactly(Map.entry("Owner", "payments-team"));
    assertThat(failing.contextOf(f).partial()).containsExactly("principal tags unavailable: iam:ListUserTags denied");
    assertThat(SlackMessage.render(f, tagged.contextOf(f)).toString()).contains("*Owner*\\nOwner: payments-team");
  }

  @Test
  void theResourceOpensInTheConsole() {
    assertThat(AlertContext.resourceLink(TestFindings.finding("t", "ua", "acme-data")))
        .isEqualTo("https://s3.console.aws.amazon.com/s3/buckets/acme-data?region=us-east-1");
    Finding lambda = new Finding("f", "r", "t", "deployment", "HIGH", "stable", "e", "2026-03-15T02:00:00Z",
        "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", "111122223333", "eu-west-1", null, null, null,
        java.util.List.of(new Finding.Resource("AwsLambdaFunction", "arn:aws:lambda:eu-west-1:111122223333:function:pay:14")),
        java.util.List.of(), Map.of(), "r.md", "T", "D", "k");
    assertThat(AlertContext.resourceLink(lambda))
        .isEqualTo("https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/pay");
  }
}
