package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static io.trailwatch.deploy.support.Problems.mini;

import io.trailwatch.deploy.support.Template;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void theProjectTemplateHoldsNoSecretAndPassesOnlyTheSecretsArn() {
    assertNone(SecretsCheck.problems(Template.project()));
  }

  @Test
  void secretsInParametersEnvironmentOrResourcesAreReported() {
    assertReported(SecretsCheck.problems(mini("""
        Parameters:
          SlackWebhook: {Type: String, Default: ""}
          ApiToken: {Type: String, Default: xoxb-1234-abcd}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Environment:
                Variables:
                  SLACK_WEBHOOK: !Ref SlackWebhook
                  NOTIFY_URL: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX
                  DB_PASSWORD: hunter2
                  RESOLVED: "{{resolve:secretsmanager:slack:SecretString:url}}"
          Secret:
            Type: AWS::SecretsManager::Secret
            Properties: {SecretString: https://hooks.slack.com/services/T0/B0/X}
        """)),
        "parameter SlackWebhook: needs an AllowedPattern that accepts an ARN and refuses a pasted webhook URL",
        "parameter ApiToken: its Default looks like a secret",
        "parameter ApiToken: Default must be empty or an ARN",
        "Fn environment SLACK_WEBHOOK: must hold an ARN",
        "Fn environment NOTIFY_URL: the value looks like a secret",
        "Fn environment DB_PASSWORD: must hold an ARN",
        "Fn environment RESOLVED: the value looks like a secret",
        "Resources.Secret.Properties.SecretString: a literal secret value in the template");
  }
}
