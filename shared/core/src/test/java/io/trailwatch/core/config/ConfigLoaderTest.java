package io.trailwatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.core.rule.Severity;
import io.trailwatch.core.rule.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validation names the line and the problem, collects every problem, and never lets a typo pass. */
class ConfigLoaderTest {
  static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  static final Set<String> RULES = Set.of("iam_user_created", "lambda_function_code_updated_outside_pipeline");
  final ConfigLoader loader = new ConfigLoader(RULES, TODAY);

  List<String> problems(String yaml) {
    return loader.validate(yaml, "tw.yaml").stream().map(ConfigProblem::toString).toList();
  }

  static final String GOOD_SUPPRESSION = """
      suppressions:
        - id: hotfix-role
          rules: [lambda_function_code_updated_outside_pipeline]
          match:
            detail:
              userIdentity:
                sessionContext:
                  sessionIssuer:
                    arn: [arn:aws:iam::111122223333:role/hotfix]
          owner: platform@example.com
          reason: Incident 4711 hotfixes, redeployed by the pipeline afterwards
          expires: 2026-12-31
      """;

  @Test
  void aCompleteConfigurationReadsIntoEverySection() {
    TrailwatchConfig c = loader.parse("""
        allowlists:
          deployers: ["arn:aws:iam::111122223333:role/github-actions-*"]
          trusted_accounts: ["444455556666"]
          office: [203.0.113.0/24, "2001:db8::/32"]
        rules:
          iam_user_created: {severity: high, status: stable, dedup_window: 6h}
          lambda_function_code_updated_outside_pipeline: {enabled: false}
        change_windows:
          deployments: {time_zone: Europe/Paris, days: [mon, tue], hours: "08:00-19:00"}
        routing:
          sns: {min_severity: HIGH}
          slack:
            - {channel: oncall, min_severity: CRITICAL, continue: true}
            - {channel: identity, categories: [iam, mfa]}
        alerts:
          digest_threshold: 5
          account_names: {"111122223333": production}
        """ + GOOD_SUPPRESSION, "tw.yaml");

    assertThat(c.allowlists().get("deployers").kind()).isEqualTo(Allowlist.Kind.PRINCIPALS);
    assertThat(c.allowlists().get("trusted_accounts").kind()).isEqualTo(Allowlist.Kind.ACCOUNTS);
    assertThat(c.allowlists().get("office").kind()).isEqualTo(Allowlist.Kind.NETWORKS);
    assertThat(c.overrides().get("iam_user_created"))
        .isEqualTo(new RuleOverride(null, Severity.HIGH, Status.STABLE, Duration.ofHours(6)));
    assertThat(c.overrides().get("lambda_function_code_updated_outside_pipeline").disables()).isTrue();
    assertThat(c.suppressions()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo("hotfix-role");
      assertThat(s.expires()).as("a date means through the end of that day, UTC").isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
      assertThat(s.line()).isEqualTo(19);
    });
    assertThat(c.changeWindows()).containsKey("deployments");
    assertThat(c.routing().sns().minimum()).isEqualTo(Severity.HIGH);
    assertThat(c.routing().slack()).extracting(Routing.SlackRoute::channel).containsExactly("oncall", "identity");
    assertThat(c.digestThreshold()).isEqualTo(5);
    assertThat(c.accountNames()).containsEntry("111122223333", "production");
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void unknownKeysAreErrorsWithTheirLineAndANearMatch() {
    assertThat(problems("""
        allowlists:
          deployers: []
        suppresions: []
        rules:
          iam_user_created: {severity: HIGH, enabeld: false}
        """)).containsExactly(
        "tw.yaml:3: unknown section 'suppresions' (did you mean 'suppressions'?); known: [allowlists, rules, suppressions, change_windows, routing, alerts]",
        "tw.yaml:5: unknown key of a rule override 'enabeld' (did you mean 'enabled'?); known: [enabled, severity, status, dedup_window]");
  }

  @Test
  void aRuleIdThatDoesNotExistIsNamed() {
    assertThat(problems("rules:\n  iam_user_creatd: {enabled: false}\n"))
        .containsExactly("tw.yaml:2: no rule has the id 'iam_user_creatd' (did you mean 'iam_user_created'?)");
    assertThat(problems(GOOD_SUPPRESSION.replace("[lambda_function_code_updated_outside_pipeline]", "[lambda_code]")))
        .containsExactly("tw.yaml:3: no rule has the id 'lambda_code'");
  }

  @Test
  void anInvalidPatternIsRefusedWithEventRulersReason() {
    assertThat(problems(GOOD_SUPPRESSION.replace("arn: [arn:aws:iam::111122223333:role/hotfix]", "arn: [{prefix: 12}]")))
        .containsExactly("tw.yaml:4: suppression 'hotfix-role': invalid pattern: prefix match pattern must be a string");
  }

  @Test
  void badCidrsAndMixedListsAreNamedPerEntry() {
    assertThat(problems("""
        allowlists:
          office: [203.0.113.0/24, 10.0.0.0/33, 300.1.2.3/8, 10.1.2.3]
          mixed: ["arn:aws:iam::111122223333:role/a", "444455556666"]
          junk: [github-actions]
        """)).containsExactly(
        "tw.yaml:2: '10.0.0.0/33' in allowlist 'office' is not a valid CIDR block: the prefix /33 is out of range (0 to 32)",
        "tw.yaml:2: '300.1.2.3/8' in allowlist 'office' is not a valid CIDR block: '300.1.2.3' is not an IPv4 address (four numbers 0-255)",
        "tw.yaml:2: '10.1.2.3' in allowlist 'office' is not a valid CIDR block: no /prefix (write 203.0.113.7/32 for one address)",
        "tw.yaml:3: allowlist 'mixed' mixes ARN patterns and account ids ('444455556666'); keep one kind per list",
        "tw.yaml:4: 'github-actions' in allowlist 'junk' is neither an ARN pattern, a 12-digit account id nor a CIDR block");
  }

  @Test
  void aSuppressionNeedsAnOwnerAReasonAndAnExpiry() {
    String bare = """
        suppressions:
          - id: quiet
            rules: [iam_user_created]
            match: {detail: {userIdentity: {userName: [bob]}}}
        """;
    assertThat(problems(bare)).containsExactly(
        "tw.yaml:2: suppression 'quiet' has no 'owner': who answers for it (a person or team)",
        "tw.yaml:2: suppression 'quiet' has no 'reason': why the findings it hides are expected",
        "tw.yaml:2: suppression 'quiet' has no 'expires': suppressions are temporary (a date such as 2026-12-31, at most a year ahead)");
    assertThat(problems(bare.replace("    match: {detail: {userIdentity: {userName: [bob]}}}\n", "")
        + "    owner: me\n    reason: r\n    expires: 2026-12-01\n"))
        .containsExactly("tw.yaml:2: suppression 'quiet' has no 'match' pattern; to turn a rule off everywhere, use rules: {<id>: {enabled: false}}");
  }

  @Test
  void anExpiryInThePastIsReportedAsExpiredButDoesNotStopARunningFunction() {
    String expired = GOOD_SUPPRESSION.replace("2026-12-31", "2026-11-01");

    assertThat(loader.validate(expired, "tw.yaml")).singleElement().satisfies(p -> {
      assertThat(p.expired()).isTrue();
      assertThat(p).hasToString("tw.yaml:12: suppression 'hotfix-role' expired on 2026-11-01 and no longer suppresses anything; remove it or renew it");
    });
    TrailwatchConfig kept = loader.parse(expired, "tw.yaml");
    assertThat(kept.suppressions()).hasSize(1);
    assertThat(kept.expiredAt(TODAY.instant())).extracting(Suppression::id).containsExactly("hotfix-role");
  }

  @Test
  void aSuppressionCannotLastMoreThanAYear() {
    assertThat(problems(GOOD_SUPPRESSION.replace("2026-12-31", "2030-01-01"))).containsExactly(
        "tw.yaml:12: suppression 'hotfix-role' expires more than a year ahead (2030-01-01); suppressions are temporary: renew it when it expires");
  }

  @Test
  void changeWindowsAndRoutesAreChecked() {
    assertThat(problems("""
        change_windows:
          a: {time_zone: Mars/Olympus, days: [mon], hours: "08:00-19:00"}
          b: {days: [funday], hours: "08:00-19:00"}
          c: {days: [mon], hours: "8-19"}
        routing:
          sns: {min_severity: URGENT}
          slack:
            - {channel: x, categories: [iam, money]}
        """)).containsExactly(
        "tw.yaml:2: 'Mars/Olympus' is not a time zone; use an IANA name such as Europe/Paris or America/New_York",
        "tw.yaml:3: 'funday' is not a day (mon, tue, wed, thu, fri, sat, sun)",
        "tw.yaml:4: change window 'c' needs hours as \"HH:MM-HH:MM\" (24-hour clock, e.g. \"09:00-17:30\")",
        "tw.yaml:6: 'URGENT' is not a severity (INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL)",
        "tw.yaml:8: 'money' is not a category; categories: deployment, iam, exposure, mfa, audit, secrets, network, root");
  }

  @Test
  void parseThrowsWithEveryProblemAndSyntaxErrorsHaveTheirLine() {
    assertThatThrownBy(() -> loader.parse("rules:\n  nope: {}\nalerts: {digest_threshold: -1}\n", "tw.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("tw.yaml:2: no rule has the id 'nope'\n"
            + "tw.yaml:3: digest_threshold must be a whole number, 0 or more (0 turns digests off)");
    assertThat(problems("allowlists:\n  deployers: [a\n  b: c\n")).singleElement().asString().startsWith("tw.yaml:3: not valid YAML");
    assertThat(problems("{\"rules\": {\"iam_user_created\": {\"enabled\": \"no\"}}}"))
        .as("JSON is read too (Parameter Store without a YAML parser)")
        .containsExactly("tw.yaml:1: enabled must be true or false");
  }

  @Test
  void anEmptyDocumentIsTheEmptyConfiguration() {
    TrailwatchConfig c = loader.parse("# nothing yet\n", "tw.yaml");
    assertThat(c.suppressions()).isEmpty();
    assertThat(c.routing()).isEqualTo(Routing.DEFAULT);
  }
}
