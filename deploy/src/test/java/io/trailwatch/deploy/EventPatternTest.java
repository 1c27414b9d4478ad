package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.deploy.support.EventBridgeRules;
import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class EventPatternTest {

  @Test
  void everyPatternOfTheProjectTemplateCompilesWithEventRuler() {
    assertThat(EventBridgeRules.of(Template.project(), "DetectFunction")).isNotEmpty();
    assertNone(EventPatternCheck.problems(Template.project()));
  }

  @Test
  void invalidIntrinsicOrUnprotectedPatternsAreReported() {
    assertReported(EventPatternCheck.problems(mini("""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                NotAList:
                  Type: EventBridgeRule
                  Properties:
                    Pattern: {detail-type: AWS API Call via CloudTrail}
                    RetryPolicy: {MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400}
                    DeadLetterConfig: {Type: SQS}
                Computed:
                  Type: EventBridgeRule
                  Properties:
                    Pattern: {source: [!Ref Source]}
                Bare:
                  Type: EventBridgeRule
                  Properties:
                    Pattern: {source: [aws.config]}
        """)),
        "Fn event NotAList: Event Ruler rejects the pattern",
        "Fn event Computed: Pattern must be literal",
        "Fn event Bare: needs RetryPolicy",
        "Fn event Bare: needs a DeadLetterConfig");
  }
}
