package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.deploy.support.CfnYaml;
import io.trailwatch.deploy.support.Template;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.YAMLException;

/** template.yaml parses as CloudFormation reads it, and has the names the handlers and the docs rely on. */
class TemplateTest {

  @Test
  void theProjectTemplateParsesAndKeepsTheContract() {
    Template template = Template.project();
    assertThat(template.resources()).isNotEmpty();
    assertThat(template.root().get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
    assertNone(ContractCheck.problems(template));
  }

  @Test
  void theParameterPatternsAcceptTheValuesTheDocsShowAndNothingElse() {
    Map<String, Object> parameters = Template.project().parameters();
    String secret = String.valueOf(Template.map(parameters.get("SlackWebhookSecretArn")).get("AllowedPattern"));
    assertThat("arn:aws:secretsmanager:us-east-1:111122223333:secret:trailwatch/slack-webhook-AbCdEf").matches(secret);
    assertThat("").matches(secret);
    assertThat("arn:aws:secretsmanager:us-east-1:111122223333:secret:trailwatch/slack-webhook").doesNotMatch(secret);
    String email = String.valueOf(Template.map(parameters.get("AlertEmail")).get("AllowedPattern"));
    assertThat("secops@example.com").matches(email);
    assertThat("").matches(email);
    assertThat("secops at example.com").doesNotMatch(email);
  }

  @Test
  void shortFormTagsBecomeTheirLongForms() {
    Map<String, Object> parsed = CfnYaml.parse("""
        a: !Ref Queue
        b: !GetAtt Queue.Arn
        c: !GetAtt [Db, Endpoint.Address]
        d: !Sub arn:${AWS::Partition}:sns:${AWS::Region}
        e: !Join [",", !Ref List]
        f: !If [Cond, !Ref AWS::NoValue, x]
        g: !Not [!Equals [!Ref P, ""]]
        h: !Select [0, !Split [",", !Ref P]]
        i: !FindInMap [M, k, v]
        j: !Base64 text
        k: !Condition Cond
        l: 2010-09-09
        """);
    assertThat(parsed.get("a")).isEqualTo(Map.of("Ref", "Queue"));
    assertThat(parsed.get("b")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "Arn")));
    assertThat(parsed.get("c")).isEqualTo(Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address")));
    assertThat(parsed.get("d")).isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:sns:${AWS::Region}"));
    assertThat(parsed.get("e")).isEqualTo(Map.of("Fn::Join", List.of(",", Map.of("Ref", "List"))));
    assertThat(parsed.get("f")).isEqualTo(Map.of("Fn::If", List.of("Cond", Map.of("Ref", "AWS::NoValue"), "x")));
    assertThat(parsed.get("g"))
        .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "P"), "")))));
    assertThat(parsed.get("h")).isEqualTo(
        Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of(",", Map.of("Ref", "P"))))));
    assertThat(parsed.get("i")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", "k", "v")));
    assertThat(parsed.get("j")).isEqualTo(Map.of("Fn::Base64", "text"));
    assertThat(parsed.get("k")).isEqualTo(Map.of("Condition", "Cond"));
    assertThat(parsed.get("l")).as("CloudFormation reads dates as strings").isEqualTo("2010-09-09");
  }

  @Test
  void anUnknownTagFailsWithItsLine() {
    assertThatThrownBy(() -> CfnYaml.parse("Resources:\n  Q:\n    Type: !Reff Queue\n"))
        .isInstanceOf(YAMLException.class)
        .hasMessageContaining("!Reff")
        .hasMessageContaining("line 3");
  }

  @Test
  void aDuplicateKeyFails() {
    assertThatThrownBy(() -> CfnYaml.parse("Resources:\n  Q: {Type: AWS::SQS::Queue}\n  Q: {Type: AWS::SNS::Topic}\n"))
        .isInstanceOf(YAMLException.class)
        .hasMessageContaining("duplicate key Q");
  }

  @Test
  void theContractCheckNamesWhatIsMissingOrDifferent() {
    List<String> problems = ContractCheck.problems(mini("""
        Resources:
          DetectFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: io.trailwatch.functions.detect.Detect::handleRequest
              CodeUri: functions/detect/target/detect.jar
              Environment:
                Variables:
                  TRAILWATCH_FINDINGS_QUEUE_URL: !GetAtt FindingsQueue.Arn
          RouteFunction:
            Type: AWS::Lambda::Function
        Parameters:
          AlertEmail: {Type: String}
        """));
    assertReported(problems,
        "Transform must be AWS::Serverless-2016-10-31",
        "StateTable (AWS::DynamoDB::Table) is missing",
        "RouteFunction must be a AWS::Serverless::Function",
        "DetectFunction Handler must be io.trailwatch.functions.detect.DetectHandler::handleRequest",
        "DetectFunction environment TRAILWATCH_FINDINGS_QUEUE_URL must be {Ref=FindingsQueue}",
        "DetectFunction environment TRAILWATCH_MIN_SEVERITY",
        "parameter AlertEmail needs a Default and a Description",
        "parameter LogRetentionDays is missing");
  }
}
