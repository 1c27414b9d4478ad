package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.deploy.support.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No rule is dead in production: its alert cases pass the EventBridge rules that feed the detector. */
class RuleReachabilityTest {
  static final List<Path> SAMPLES = RuleReachabilityCheck.positiveSamples(RuleReachabilityCheck.CATALOG);

  @Test
  void everyPositiveSampleOfTheCatalogReachesTheDetectorOnce() throws Exception {
    assertThat(SAMPLES).as("positive samples under " + RuleReachabilityCheck.CATALOG).hasSizeGreaterThan(20);
    assertNone(RuleReachabilityCheck.problems(Template.project(), "DetectFunction", SAMPLES));
  }

  @Test
  void samplesNoRuleLetsThroughAreListed() throws Exception {
    Template narrow = detector("""
                Iam:
                  Type: EventBridgeRule
                  Properties:
                    Pattern: {source: [aws.iam], detail-type: [AWS API Call via CloudTrail]}
        """);
    List<String> problems = RuleReachabilityCheck.problems(narrow, "DetectFunction", SAMPLES);
    assertReported(problems, "positive samples pass no EventBridge rule of DetectFunction", "s3_bucket_policy_public");
  }

  @Test
  void samplesTwoRulesLetThroughAreListed() throws Exception {
    Template overlapping = detector("""
                All:
                  Type: EventBridgeRule
                  Properties: {Pattern: {detail-type: [AWS API Call via CloudTrail]}}
                Iam:
                  Type: EventBridgeRule
                  Properties: {Pattern: {source: [aws.iam]}}
        """);
    assertReported(RuleReachabilityCheck.problems(overlapping, "DetectFunction", SAMPLES),
        "would be judged (and alerted on) twice", "passes [All, Iam]");
  }

  @Test
  void aReadOnlyEventNeedsARuleThatCanDeliverAllManagementEvents(@TempDir Path dir) throws Exception {
    Path sample = dir.resolve("get_secret_value.json");
    Files.writeString(sample, """
        {"version": "0", "id": "e1", "detail-type": "AWS API Call via CloudTrail", "source": "aws.secretsmanager",
         "account": "111122223333", "time": "2026-03-14T00:00:00Z", "region": "us-east-1", "resources": [],
         "detail": {"eventSource": "secretsmanager.amazonaws.com", "eventName": "GetSecretValue", "readOnly": true}}
        """);
    String rule = """
                Calls:
                  Type: EventBridgeRule
                  Properties:
                    Pattern: {detail-type: [AWS API Call via CloudTrail]}
                    State: %s
        """;
    assertReported(RuleReachabilityCheck.problems(detector(rule.formatted("ENABLED")), "DetectFunction", List.of(sample)),
        "get_secret_value.json (read-only: needs a rule that can be ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS)");
    assertNone(RuleReachabilityCheck.problems(
        detector(rule.formatted("!If [ReadOnly, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, ENABLED]")),
        "DetectFunction", List.of(sample)));
    assertReported(RuleReachabilityCheck.problems(detector(rule.formatted("DISABLED")), "DetectFunction", List.of(sample)),
        "pass no EventBridge rule");
  }

  private static Template detector(String events) {
    return mini("""
        Resources:
          DetectFunction:
            Type: AWS::Serverless::Function
            Properties:
              Events:
        """ + events);
  }
}
