package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;

import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class FunctionConfigTest {

  @Test
  void everyFunctionOfTheProjectTemplateIsConfiguredAsAgreed() {
    assertNone(FunctionConfigCheck.problems(Template.project()));
  }

  @Test
  void aMisconfiguredFunctionIsReportedPropertyByProperty() {
    assertReported(FunctionConfigCheck.problems(mini("""
        Globals:
          Function:
            Architectures: [arm64]
            LoggingConfig: {LogFormat: Text}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              Architectures: [arm64]
              Handler: Main
              CodeUri: functions/fn/
              Policies: [AWSLambdaBasicExecutionRole]
        """)),
        "Fn Runtime must be java21, is java17",
        "Fn Architectures must be [arm64], is [arm64, arm64]",
        "Fn Tracing must be Active",
        "Fn SnapStart.ApplyOn must be PublishedVersions",
        "Fn LoggingConfig.LogFormat must be JSON, is Text",
        "Fn Metadata.SkipBuild must be true",
        "Fn needs AutoPublishAlias",
        "Fn JAVA_TOOL_OPTIONS must contain -XX:TieredStopAtLevel=1",
        "Fn MemorySize must be set",
        "Fn Handler must be package.Class::method",
        "Fn CodeUri must be the relative path of the module's shaded jar",
        "Fn Role must be !GetAtt <an AWS::IAM::Role of this template>.Arn",
        "Fn must not use SAM Policies");
  }

  @Test
  void aTemplateWithoutFunctionsIsReported() {
    assertReported(FunctionConfigCheck.problems(mini("Resources: {}")), "declares no AWS::Serverless::Function");
  }
}
