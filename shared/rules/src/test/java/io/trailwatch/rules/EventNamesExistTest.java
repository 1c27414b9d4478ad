package io.trailwatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every {@code eventName} a rule names is an operation of one of the services its pattern names, as the
 * AWS SDK v2 knows them (each operation is a method of the service's client, named as the API names it:
 * {@code deactivateMFADevice}, where the model class says {@code DeactivateMfaDeviceRequest}), so a misspelt or
 * invented event name fails the build instead of silently never matching. The few names CloudTrail
 * records that are not API operations are listed below, each with why.
 */
class EventNamesExistTest {
  /** eventSource to the SDK's client, for the services the catalog watches. */
  /**
   * eventSource to the SDK clients whose operations it records (Elastic Load Balancing records both API
   * versions under one source). A rule naming a service missing here fails: add the service's SDK module
   * to this module's pom (test scope) and its client here.
   */
  static final Map<String, List<String>> SDK_CLIENT = Map.ofEntries(
      Map.entry("account.amazonaws.com", List.of("account.AccountClient")),
      Map.entry("batch.amazonaws.com", List.of("batch.BatchClient")),
      Map.entry("bedrock.amazonaws.com", List.of("bedrock.BedrockClient")),
      Map.entry("cloudformation.amazonaws.com", List.of("cloudformation.CloudFormationClient")),
      Map.entry("cloudtrail.amazonaws.com", List.of("cloudtrail.CloudTrailClient")),
      Map.entry("codebuild.amazonaws.com", List.of("codebuild.CodeBuildClient")),
      Map.entry("codecommit.amazonaws.com", List.of("codecommit.CodeCommitClient")),
      Map.entry("codedeploy.amazonaws.com", List.of("codedeploy.CodeDeployClient")),
      Map.entry("codepipeline.amazonaws.com", List.of("codepipeline.CodePipelineClient")),
      Map.entry("cognito-identity.amazonaws.com", List.of("cognitoidentity.CognitoIdentityClient")),
      Map.entry("config.amazonaws.com", List.of("config.ConfigClient")),
      Map.entry("dynamodb.amazonaws.com", List.of("dynamodb.DynamoDbClient")),
      Map.entry("ec2.amazonaws.com", List.of("ec2.Ec2Client")),
      Map.entry("ec2-instance-connect.amazonaws.com", List.of("ec2instanceconnect.Ec2InstanceConnectClient")),
      Map.entry("ecr.amazonaws.com", List.of("ecr.EcrClient")),
      Map.entry("ecs.amazonaws.com", List.of("ecs.EcsClient")),
      Map.entry("eks.amazonaws.com", List.of("eks.EksClient")),
      Map.entry("elasticache.amazonaws.com", List.of("elasticache.ElastiCacheClient")),
      Map.entry("elasticloadbalancing.amazonaws.com", List.of("elasticloadbalancing.ElasticLoadBalancingClient", "elasticloadbalancingv2.ElasticLoadBalancingV2Client")),
      Map.entry("es.amazonaws.com", List.of("elasticsearch.ElasticsearchClient")),
      Map.entry("events.amazonaws.com", List.of("eventbridge.EventBridgeClient")),
      Map.entry("glacier.amazonaws.com", List.of("glacier.GlacierClient")),
      Map.entry("glue.amazonaws.com", List.of("glue.GlueClient")),
      Map.entry("guardduty.amazonaws.com", List.of("guardduty.GuardDutyClient")),
      Map.entry("iam.amazonaws.com", List.of("iam.IamClient")),
      Map.entry("kms.amazonaws.com", List.of("kms.KmsClient")),
      Map.entry("lambda.amazonaws.com", List.of("lambda.LambdaClient")),
      Map.entry("logs.amazonaws.com", List.of("cloudwatchlogs.CloudWatchLogsClient")),
      Map.entry("macie2.amazonaws.com", List.of("macie2.Macie2Client")),
      Map.entry("monitoring.amazonaws.com", List.of("cloudwatch.CloudWatchClient")),
      Map.entry("organizations.amazonaws.com", List.of("organizations.OrganizationsClient")),
      Map.entry("rds.amazonaws.com", List.of("rds.RdsClient")),
      Map.entry("rolesanywhere.amazonaws.com", List.of("rolesanywhere.RolesAnywhereClient")),
      Map.entry("route53.amazonaws.com", List.of("route53.Route53Client")),
      Map.entry("route53domains.amazonaws.com", List.of("route53domains.Route53DomainsClient")),
      Map.entry("route53resolver.amazonaws.com", List.of("route53resolver.Route53ResolverClient")),
      Map.entry("s3.amazonaws.com", List.of("s3.S3Client")),
      Map.entry("sagemaker.amazonaws.com", List.of("sagemaker.SageMakerClient")),
      Map.entry("secretsmanager.amazonaws.com", List.of("secretsmanager.SecretsManagerClient")),
      Map.entry("securityhub.amazonaws.com", List.of("securityhub.SecurityHubClient")),
      Map.entry("sns.amazonaws.com", List.of("sns.SnsClient")),
      Map.entry("sqs.amazonaws.com", List.of("sqs.SqsClient")),
      Map.entry("ssm.amazonaws.com", List.of("ssm.SsmClient")),
      Map.entry("sso.amazonaws.com", List.of("ssoadmin.SsoAdminClient")),
      Map.entry("sso-oauth.amazonaws.com", List.of("ssooidc.SsoOidcClient")),
      Map.entry("sts.amazonaws.com", List.of("sts.StsClient")),
      Map.entry("waf.amazonaws.com", List.of("waf.WafClient")),
      Map.entry("waf-regional.amazonaws.com", List.of("waf.regional.WafRegionalClient")),
      Map.entry("wafv2.amazonaws.com", List.of("wafv2.Wafv2Client")));

  static final Map<String, Set<String>> OPERATIONS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Names CloudTrail records that no SDK operation has. */
  static final Map<String, Set<String>> CLOUDTRAIL_ONLY = Map.of(
      // CloudShell's API is not public: no SDK client has it; CloudTrail records these names.
      "cloudshell.amazonaws.com", Set.of("CreateEnvironment", "CreateSession", "StartEnvironment",
          "GetFileDownloadUrls", "GetFileUploadUrls", "PutCredentials", "DeleteEnvironment"),
      // Console sign-in is not an API: CloudTrail records these AwsConsoleSignIn events under signin.
      "signin.amazonaws.com", Set.of("ConsoleLogin", "CheckMfa", "SwitchRole", "ExitRole", "RenewRole",
          "GetSigninToken", "PasswordUpdated", "PasswordRecoveryRequested", "PasswordRecoveryCompleted",
          "UserAuthentication"),
      // S3 records the bucket-level public access block calls under these names; the SDK's operations
      // are PutPublicAccessBlock and DeletePublicAccessBlock.
      "s3.amazonaws.com", Set.of("PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock",
          // The account-level block is an S3 Control API call that CloudTrail records under s3.
          "PutAccountPublicAccessBlock", "DeleteAccountPublicAccessBlock",
          // PutBucketLifecycleConfiguration is recorded under its older name.
          "PutBucketLifecycle"));

  @Test
  void everyEventNameIsAnOperationOfItsService() throws IOException {
    List<String> unknown = new ArrayList<>();
    int checked = 0;
    for (Rule rule : Catalogs.loadBuiltIn(ConditionVocabulary.standard())) {
      for (String pattern : rule.matchPatterns()) {
        for (JsonNode[] scope : scopes(Json.MAPPER.readTree(pattern).path("detail"), null)) {
          List<String> sources = texts(scope[0]);
          for (JsonNode name : scope[1]) {
            String operation = name.isTextual() ? name.asText() : name.path("prefix").asText(null);
            if (operation == null) {
              continue; // anything-but, wildcard: nothing to look up
            }
            checked++;
            if (sources.isEmpty()) {
              unknown.add(rule.id() + ": " + operation + " (the pattern names no eventSource)");
            } else if (sources.stream().noneMatch(SDK_CLIENT::containsKey)
                && sources.stream().noneMatch(CLOUDTRAIL_ONLY::containsKey)) {
              unknown.add(rule.id() + ": " + sources + " has no SDK client in EventNamesExistTest.SDK_CLIENT");
            } else if (sources.stream().noneMatch(source -> exists(source, operation))) {
              unknown.add(rule.id() + ": " + operation + " is an operation of none of " + sources);
            }
          }
        }
      }
    }
    assertThat(unknown).isEmpty();
    assertThat(checked).as("event names checked").isGreaterThan(50);
  }

  @Test
  void theCheckCatchesAMisspeltName() {
    assertThat(exists("iam.amazonaws.com", "CreateAccessKey")).isTrue();
    assertThat(exists("iam.amazonaws.com", "CreateAccesKey")).isFalse();
    assertThat(exists("iam.amazonaws.com", "DeactivateMFADevice")).as("the API's own casing").isTrue();
    assertThat(exists("iam.amazonaws.com", "DeactivateMfaDevice")).isFalse();
    assertThat(exists("lambda.amazonaws.com", "UpdateFunctionCode")).isTrue();
    assertThat(exists("signin.amazonaws.com", "ConsoleLogin")).isTrue();
    assertThat(exists("signin.amazonaws.com", "ConsoleLogout")).isFalse();
  }

  static boolean exists(String source, String operation) {
    if (CLOUDTRAIL_ONLY.getOrDefault(source, Set.of()).contains(operation)) {
      return true;
    }
    for (String client : SDK_CLIENT.getOrDefault(source, List.of())) {
      if (OPERATIONS.computeIfAbsent(client, EventNamesExistTest::operationsOf).contains(operation)) {
        return true;
      }
    }
    return false;
  }

  /** The operations of a service: its client's methods that take the operation's request. */
  static Set<String> operationsOf(String client) {
    try {
      Set<String> out = new java.util.HashSet<>();
      for (java.lang.reflect.Method m : Class.forName("software.amazon.awssdk.services." + client).getMethods()) {
        if (m.getParameterCount() == 1 && m.getParameterTypes()[0].getSimpleName().endsWith("Request")) {
          out.add(Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1));
        }
      }
      return out;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the SDK module of " + client + " is not a test dependency", e);
    }
  }

  /**
   * Each (eventSource, eventName) pair of a pattern's detail: its own fields, and those of each {@code $or}
   * branch (a branch without eventSource inherits the enclosing one).
   */
  static List<JsonNode[]> scopes(JsonNode detail, JsonNode inheritedSources) {
    List<JsonNode[]> out = new ArrayList<>();
    JsonNode sources = detail.has("eventSource") ? detail.get("eventSource") : inheritedSources;
    if (detail.has("eventName")) {
      out.add(new JsonNode[] {sources == null ? Json.MAPPER.createArrayNode() : sources, detail.get("eventName")});
    }
    for (JsonNode branch : detail.path("$or")) {
      out.addAll(scopes(branch, sources));
    }
    return out;
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> {
      if (v.isTextual()) {
        out.add(v.asText());
      }
    });
    return out;
  }
}
