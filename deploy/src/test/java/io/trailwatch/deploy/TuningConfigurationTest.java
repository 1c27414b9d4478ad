package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.deploy.support.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TuningConfigurationTest {

  @Test
  void theProjectTemplateReadsTheParameterWithLeastPrivilegeAndWatchesRejections() {
    assertThat(TuningConfigurationCheck.conditionOnParameter(Template.project())).contains("HasConfigParameter");
    assertNone(TuningConfigurationCheck.problems(Template.project()));
  }

  @Test
  void theMetricFiltersMatchWhatTheCodeLogs() throws IOException {
    Path core = Path.of("../shared/core/src/main/java/io/trailwatch/core");
    String live = Files.readString(core.resolve("config/LiveConfig.java"))
        + Files.readString(Path.of("../shared/aws/src/main/java/io/trailwatch/aws/ConfigWiring.java"));
    String detect = Files.readString(core.resolve("service/DetectService.java"));
    assertThat(live).contains("\"configuration rejected; keeping the last good one\"")
        .contains("\"configuration rejected at init;");
    assertThat(detect).contains("log.info(\"finding suppressed\", \"suppression\",");
  }

  @Test
  void aBroadUnconditionalOrMissingPermissionAndMissingFiltersAreReported() {
    assertReported(TuningConfigurationCheck.problems(mini("""
        Parameters:
          ConfigParameterName: {Type: String, Default: "", AllowedPattern: ".*"}
        Conditions:
          HasConfigParameter: !Not [!Equals [!Ref ConfigParameterName, ""]]
        Resources:
          DetectFunction:
            Type: AWS::Serverless::Function
            Properties:
              Role: !GetAtt DetectRole.Arn
              LoggingConfig: {LogGroup: !Ref DetectLogs}
              Environment: {Variables: {TRAILWATCH_CONFIG_PARAMETER: /trailwatch/config}}
          DetectRole:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Statement:
                      - Sid: ReadEveryParameter
                        Effect: Allow
                        Action: [ssm:GetParameter, ssm:GetParametersByPath]
                        Resource: !Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/*
          DetectLogs: {Type: AWS::Logs::LogGroup}
          RouteFunction:
            Type: AWS::Serverless::Function
            Properties:
              Role: !GetAtt RouteRole.Arn
              LoggingConfig: {LogGroup: !Ref RouteLogs}
              Environment: {Variables: {TRAILWATCH_CONFIG_PARAMETER: !Ref ConfigParameterName}}
          RouteRole:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Statement:
                      - Sid: Logs
                        Effect: Allow
                        Action: logs:PutLogEvents
                        Resource: !GetAtt RouteLogs.Arn
          RouteLogs: {Type: AWS::Logs::LogGroup}
          Suppressed:
            Type: AWS::Logs::MetricFilter
            Properties:
              LogGroupName: !Ref DetectLogs
              FilterPattern: '{ $.message = "finding suppressed" }'
              MetricTransformations:
                - {MetricNamespace: trailwatch, MetricName: SuppressedFindings, MetricValue: "1", DefaultValue: 0}
        """)),
        "parameter ConfigParameterName needs an AllowedPattern",
        "DetectFunction environment TRAILWATCH_CONFIG_PARAMETER must be !Ref ConfigParameterName",
        "DetectRole statement ReadEveryParameter: the only SSM action is ssm:GetParameter",
        "DetectRole statement ReadEveryParameter: Resource must be exactly !Sub arn:${AWS::Partition}:ssm",
        "DetectRole statement ReadEveryParameter: must be granted only when ConfigParameterName is set",
        "RouteFunction: its role RouteRole needs one ssm:GetParameter statement for the configuration, has 0",
        "DetectFunction: its log group needs a metric filter { $.message = \"configuration rejected*\" }",
        "DetectFunction: its log group needs a metric filter { $.message = \"finding suppressed\" }",
        "no alarm on trailwatch/ConfigurationRejected > 0 notifies a topic of this template");
  }
}
