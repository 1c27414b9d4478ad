package io.trailwatch.core.finding;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.TestEvents;
import io.trailwatch.core.event.AwsEvent;
import org.junit.jupiter.api.Test;

class TitleTemplateTest {
  final AwsEvent attachToRole =
      TestEvents.event("iam.amazonaws.com", "AttachRolePolicy",
          "{\"roleName\":\"deploy\",\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}");

  @Test
  void fillsPathsAndNamedValues() {
    assertThat(TitleTemplate.render("{eventName} on {detail.requestParameters.roleName} by {actor} in {account}/{region}", attachToRole))
        .isEqualTo("AttachRolePolicy on deploy by alice in 111122223333/us-east-1");
  }

  @Test
  void alternativesTakeTheFirstValuePresent() {
    assertThat(TitleTemplate.render("to {detail.requestParameters.userName|detail.requestParameters.roleName}", attachToRole))
        .isEqualTo("to deploy");
    assertThat(TitleTemplate.render("to {detail.requestParameters.groupName|detail.requestParameters.userName}", attachToRole))
        .isEqualTo("to ?");
  }

  @Test
  void longValuesAreCutSoATitleStaysATitle() {
    AwsEvent longName = TestEvents.event("iam.amazonaws.com", "CreateRole", "{\"roleName\":\"" + "r".repeat(500) + "\"}");

    String title = TitleTemplate.render("{detail.requestParameters.roleName}", longName);

    assertThat(title).hasSize(TitleTemplate.MAX_VALUE).endsWith("…");
  }

  @Test
  void anUnclosedBraceIsKeptAsText() {
    assertThat(TitleTemplate.render("odd {title", attachToRole)).isEqualTo("odd {title");
  }
}
