package io.trailwatch.rules;

import io.trailwatch.core.config.ConfigLoader;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.config.Tuned;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.event.EventValidator;
import io.trailwatch.core.event.Json;
import java.nio.file.Files;
import io.trailwatch.core.detect.Detector;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.condition.ConditionVocabulary;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Suppressions against the real catalog: a matching event's finding is hidden and counted under the
 * suppression that hid it; other principals, other rules and expired suppressions hide nothing.
 */
class SuppressionsTest {
  static final List<Rule> CATALOG = Catalogs.loadBuiltIn(ConditionVocabulary.standard());
  static final Set<String> IDS = CATALOG.stream().map(Rule::id).collect(Collectors.toSet());
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static Tuned tuned(String yaml) {
    TrailwatchConfig config = new ConfigLoader(IDS, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
        .parse(yaml, "tw.yaml");
    return Tuned.of(CATALOG, config, (r, e, err) -> { throw new AssertionError(err); });
  }

  static String suppression(String id, String role, String expires) {
    return """
          - id: %s
            rules: [lambda_function_code_updated_outside_pipeline]
            match:
              detail:
                userIdentity:
                  sessionContext:
                    sessionIssuer:
                      arn: ["%s"]
            owner: platform@example.com
            reason: hotfixes during incident 4711
            expires: %s
        """.formatted(id, role, expires);
  }

  /** The pipeline's deploy sample, made by another role of the same account. */
  static AwsEvent deployBy(String roleArn) {
    String role = roleArn.substring(roleArn.indexOf('/') + 1);
    return event(sample("lambda/lambda_function_code_updated_outside_pipeline/tests/negative/pipeline_role_deploys_release.json")
        .replace("github-actions-deploy", role));
  }

  static String sample(String path) {
    try {
      return Files.readString(Catalogs.builtIn().resolve(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static AwsEvent event(String json) {
    try {
      return EventValidator.toEvent(Json.MAPPER.readTree(json));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aMatchingFindingIsHiddenAndCountedUnderItsSuppression() {
    Tuned t = tuned("suppressions:\n" + suppression("hotfix", "arn:aws:iam::111122223333:role/hotfix", "2026-12-31"));

    Tuned.Judgement hotfix = t.judge(deployBy("arn:aws:iam::111122223333:role/hotfix"), NOW);
    Tuned.Judgement admin = t.judge(deployBy("arn:aws:iam::111122223333:role/Admin"), NOW);
    t.judge(deployBy("arn:aws:iam::111122223333:role/hotfix"), NOW);

    assertThat(hotfix.findings()).isEmpty();
    assertThat(hotfix.hidden()).singleElement().satisfies(h -> {
      assertThat(h.by().id()).isEqualTo("hotfix");
      assertThat(h.finding().ruleId()).isEqualTo("lambda_function_code_updated_outside_pipeline");
    });
    assertThat(admin.findings()).extracting(Finding::ruleId).containsExactly("lambda_function_code_updated_outside_pipeline");
    assertThat(t.suppressions().counts()).containsEntry("hotfix", 2L);
  }

  @Test
  void anExpiredSuppressionStopsSuppressingByItselfAndSaysSo() {
    Tuned t = tuned("suppressions:\n" + suppression("hotfix", "arn:aws:iam::111122223333:role/hotfix", "2026-12-31"));
    AwsEvent event = deployBy("arn:aws:iam::111122223333:role/hotfix");

    assertThat(t.judge(event, Instant.parse("2026-12-31T23:59:59Z")).findings()).as("still the last day").isEmpty();
    Tuned.Judgement after = t.judge(event, Instant.parse("2027-01-01T00:00:00Z"));

    assertThat(after.findings()).hasSize(1);
    assertThat(after.unhidden()).singleElement().satisfies(u -> assertThat(u.expired().id()).isEqualTo("hotfix"));
    assertThat(t.suppressions().counts()).containsEntry("hotfix", 1L);
  }

  @Test
  void aSuppressionHidesOnlyTheRulesItNamesAndCanReadFindingFields() {
    Tuned t = tuned("""
        suppressions:
          - id: sandbox-keys
            rules: [iam_access_key_created_for_other_user]
            match: {finding: {account: ["111122223333"], severity: [HIGH, MEDIUM]}}
            owner: identity-team
            reason: the sandbox account's admins rotate keys for service users
            expires: 2027-03-01
        """);
    AwsEvent keyForBob = event(sample("iam/iam_access_key_created_for_other_user/tests/positive/sso_admin_creates_key_for_jenkins.json"));
    AwsEvent lambda = deployBy("arn:aws:iam::111122223333:role/Admin");

    assertThat(t.judge(keyForBob, NOW).hidden()).extracting(h -> h.by().id()).containsExactly("sandbox-keys");
    assertThat(t.judge(lambda, NOW).findings()).as("another rule, same account").hasSize(1);
  }

  @Test
  void overridesChangeSeverityAndDisableRules() {
    AwsEvent lambda = deployBy("arn:aws:iam::111122223333:role/Admin");
    assertThat(tuned("rules:\n  lambda_function_code_updated_outside_pipeline: {severity: CRITICAL, dedup_window: 15m}\n")
        .judge(lambda, NOW).findings()).singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo("CRITICAL");
          assertThat(f.dedupWindowSeconds()).isEqualTo(900);
        });
    assertThat(tuned("rules:\n  lambda_function_code_updated_outside_pipeline: {enabled: false}\n")
        .judge(lambda, NOW).findings()).isEmpty();
    assertThat(new Detector(CATALOG).evaluate(lambda)).as("the catalog itself is untouched").hasSize(1);
  }
}
