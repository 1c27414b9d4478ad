package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;

import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class LogRetentionTest {

  @Test
  void everyFunctionLogsToAGroupWithRetentionInTheProjectTemplate() {
    assertNone(LogRetentionCheck.problems(Template.project()));
  }

  @Test
  void logsKeptForeverAreReported() {
    assertReported(LogRetentionCheck.problems(mini("""
        Parameters:
          Days: {Type: Number, Default: 90, AllowedValues: [90, 100]}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
          Forever: {Type: AWS::Logs::LogGroup}
          Odd:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 42}
          FromParameter:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: !Ref Days}
        """)),
        "Fn: LoggingConfig.LogGroup must be !Ref <an AWS::Logs::LogGroup of this template>",
        "Forever: RetentionInDays must be one of",
        "Odd: RetentionInDays must be one of",
        "FromParameter: RetentionInDays comes from parameter Days");
  }
}
