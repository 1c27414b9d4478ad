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
  static final Map<String, String> SDK_CLIENT = Map.ofEntries(
      Map.entry("cloudformation.amazonaws.com", "cloudformation.CloudFormationClient"),
      Map.entry("cloudtrail.amazonaws.com", "cloudtrail.CloudTrailClient"),
      Map.entry("codedeploy.amazonaws.com", "codedeploy.CodeDeployClient"),
      Map.entry("config.amazonaws.com", "config.ConfigClient"),
      Map.entry("ec2.amazonaws.com", "ec2.Ec2Client"),
      Map.entry("ecs.amazonaws.com", "ecs.EcsClient"),
      Map.entry("guardduty.amazonaws.com", "guardduty.GuardDutyClient"),
      Map.entry("iam.amazonaws.com", "iam.IamClient"),
      Map.entry("kms.amazonaws.com", "kms.KmsClient"),
      Map.entry("lambda.amazonaws.com", "lambda.LambdaClient"),
      Map.entry("s3.amazonaws.com", "s3.S3Client"),
      Map.entry("secretsmanager.amazonaws.com", "secretsmanager.SecretsManagerClient"));

  static final Map<String, Set<String>> OPERATIONS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Names CloudTrail records that no SDK operation has. */
  static final Map<String, Set<String>> CLOUDTRAIL_ONLY = Map.of(
      // Console sign-in is not an API call: CloudTrail records it as an AwsConsoleSignIn event.
      "signin.amazonaws.com", Set.of("ConsoleLogin"),
      // S3 records the bucket-level public access block calls under these names; the SDK's operations
      // are PutPublicAccessBlock and DeletePublicAccessBlock.
      "s3.amazonaws.com", Set.of("PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock"));

  @Test
  void everyEventNameIsAnOperationOfItsService() throws IOException {
    List<String> unknown = new ArrayList<>();
    int checked = 0;
    for (Rule rule : Catalogs.loadBuiltIn(ConditionVocabulary.standard())) {
      for (String pattern : rule.matchPatterns()) {
        JsonNode detail = Json.MAPPER.readTree(pattern).path("detail");
        List<String> sources = texts(detail.path("eventSource"));
        for (JsonNode name : detail.path("eventName")) {
          String operation = name.isTextual() ? name.asText() : name.path("prefix").asText(null);
          if (operation == null) {
            continue; // anything-but, wildcard: nothing to look up
          }
          checked++;
          if (sources.isEmpty()) {
            unknown.add(rule.id() + ": " + operation + " (the pattern names no eventSource)");
          } else if (sources.stream().noneMatch(source -> exists(source, operation))) {
            unknown.add(rule.id() + ": " + operation + " is an operation of none of " + sources);
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
    String client = SDK_CLIENT.get(source);
    return client != null && OPERATIONS.computeIfAbsent(client, EventNamesExistTest::operationsOf).contains(operation);
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
