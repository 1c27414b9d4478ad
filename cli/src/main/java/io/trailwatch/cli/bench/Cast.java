package io.trailwatch.cli.bench;

import static io.trailwatch.cli.bench.UserAgents.Family.BOTO3_LAMBDA;
import static io.trailwatch.cli.bench.UserAgents.Family.BOTO3_SCANNER;
import static io.trailwatch.cli.bench.UserAgents.Family.BROWSER;
import static io.trailwatch.cli.bench.UserAgents.Family.CLI;
import static io.trailwatch.cli.bench.UserAgents.Family.CONSOLE;
import static io.trailwatch.cli.bench.UserAgents.Family.GO_SDK;
import static io.trailwatch.cli.bench.UserAgents.Family.JAVA_ECS;
import static io.trailwatch.cli.bench.UserAgents.Family.JAVA_V1;
import static io.trailwatch.cli.bench.UserAgents.Family.JS_SDK;
import static io.trailwatch.cli.bench.UserAgents.Family.SSM_AGENT;
import static io.trailwatch.cli.bench.UserAgents.Family.TERRAFORM;

import java.time.Instant;
import java.util.List;

/**
 * The principals of the simulated account: roles of workloads and pipelines, Identity Center users, two IAM
 * users, AWS services and a monitoring vendor's account.
 *
 * <p>Why these: they are the actors behind the false-positive traps of anchors section D. The deploy role
 * {@code github-actions-deploy} is the allowlisted pipeline (D14); SSO users sign in with {@code
 * MFAUsed=No} (D4); AWS services act as themselves or on a principal's behalf (D1, D2); an IAM user manages
 * its own keys (D7); a scanner and a vendor crawler collect AccessDenied errors (C1, C8).
 */
final class Cast {
  static final String OIDC_PROVIDER =
      "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
  static final String SAML_PROVIDER =
      "arn:aws:iam::111122223333:saml-provider/AWSSSO_7c1f2e3d4b5a6978_DO_NOT_DELETE";
  static final List<String> REPOS =
      List.of("example-org/orders-api", "example-org/checkout-web", "example-org/invoice-pipeline");

  /** An Identity Center user and the clients they use. */
  record SsoUser(
      String email,
      String permissionSet,
      Caller cli,
      Caller console,
      Caller signIn,
      Caller saml,
      boolean canWrite,
      boolean admin) {}

  /** The CI/CD deployer: the one principal allowed to deploy (tuning allowlist {@code deployers}). */
  final Caller pipeline;
  /** Terraform plan on pull requests: read-only. */
  final Caller planner;

  final Caller ordersTask;
  final Caller invoiceFn;
  final Caller reportFn;
  final Caller gdprFn;
  final Caller rotationFn;
  /** The instance role of the web Auto Scaling group, one session per instance. */
  final List<Caller> webInstances;
  final Caller datadog;
  final Caller scanner;
  final Caller configRecorder;
  final Caller autoScaling;
  final Caller appAutoScaling;
  final Caller backup;
  final Caller ecsScheduler;

  final List<SsoUser> ssoUsers;
  /** A contractor with an IAM user: rotates their own access key, signs in with MFA. */
  final Caller kim;

  final Caller kimConsole;
  final Caller kimSignIn;
  /** An on-premises build server's IAM user with a long-term key. */
  final Caller jenkins;

  final Caller datadogAccount;
  final List<Caller> githubTokens;
  final Caller internal;
  final Caller root;

  /** The time of the record being rendered: people are rarely at work at night. */
  Instant now = Instant.EPOCH;

  private final Rng rng;

  Cast(Rng rng) {
    this.rng = rng;
    String[] runners = {
      "203.0.113.141", "203.0.113.142", "203.0.113.157", "203.0.113.163", "203.0.113.170", "203.0.113.188"
    };
    String[] nat = {"203.0.113.10", "203.0.113.11", "203.0.113.12"};
    String runnerOs = "linux#6.5.0-1016-azure md/arch#x86_64 md/distrib#ubuntu.22";

    pipeline =
        Caller.role(rng, "github-actions-deploy", "AROAUJZDEGXDNCF32EPF3", () -> "GitHubActions", 3600)
            .federatedBy(OIDC_PROVIDER)
            .from(runners)
            .agent(CLI, runnerOs);
    planner =
        Caller.role(rng, "github-actions-plan", "AROADHODZDOCIS2JHTLGM", () -> "GitHubActions", 3600)
            .federatedBy(OIDC_PROVIDER)
            .from(runners)
            .agent(TERRAFORM);
    ordersTask =
        Caller.role(rng, "orders-api-task-role", "AROAXGEDN73U55XTPLPFT", () -> rng.hex(32), 6 * 3600)
            .from(nat)
            .agent(JAVA_ECS);
    invoiceFn =
        Caller.role(rng, "invoice-processor-role", "AROA7V4SEH2KVJ72CEUVW", () -> "invoice-processor", 4 * 3600)
            .from(nat)
            .agent(BOTO3_LAMBDA);
    reportFn =
        Caller.role(rng, "report-builder-role", "AROA75EFR6EDT4SYWB5WK", () -> "report-builder", 4 * 3600)
            .from(nat)
            .agent(BOTO3_LAMBDA);
    gdprFn =
        Caller.role(
                rng, "gdpr-export-worker-role", "AROAH7DNSIPZZ7FK4ZRI3", () -> "gdpr-export-worker", 4 * 3600)
            .from("203.0.113.60", "203.0.113.61")
            .agent(BOTO3_LAMBDA);
    rotationFn =
        Caller.role(
                rng, "secrets-rotation-role", "AROAR2WYOJFLJOOA7LQSA", () -> "orders-db-rotation", 3600)
            .from(nat)
            .agent(BOTO3_LAMBDA);
    webInstances =
        Estate.US.instances().stream()
            .map(id -> Caller.role(rng, "web-asg-instance-role", "AROAJ2XUID5ZZZZG6ZDME", () -> id, 6 * 3600)
                .from(nat)
                .agent(SSM_AGENT))
            .toList();
    datadog =
        Caller.role(
                rng, "DatadogIntegrationRole", "AROAN4KHVDGAJGXBENYJQ", () -> "DatadogAWSIntegration", 3600)
            .from("198.51.100.200", "198.51.100.201", "198.51.100.202", "198.51.100.203")
            .agent(GO_SDK);
    scanner =
        Caller.role(
                rng, "security-audit-scanner", "AROAWX6HH7566TFJGVQ6K", () -> "prowler-" + rng.hex(8), 3600)
            .from(nat)
            .agent(BOTO3_SCANNER);
    configRecorder =
        Caller.role(rng, "AWSServiceRoleForConfig", "AROABNXJBTFQXKWOVOMPZ", () -> "AWSConfig-Describe", 3600)
            .path("/aws-service-role/config.amazonaws.com/")
            .via("config.amazonaws.com");
    autoScaling =
        Caller.role(rng, "AWSServiceRoleForAutoScaling", "AROAOM7WBBR6QMW4WXFOG", () -> "AutoScaling", 3600)
            .path("/aws-service-role/autoscaling.amazonaws.com/")
            .via("autoscaling.amazonaws.com");
    appAutoScaling =
        Caller.role(
                rng,
                "AWSServiceRoleForApplicationAutoScaling_ECSService",
                "AROAO6MVN6A6WFHYM6L3V",
                () -> "ApplicationAutoScaling",
                3600)
            .path("/aws-service-role/ecs.application-autoscaling.amazonaws.com/")
            .via("ecs.application-autoscaling.amazonaws.com");
    backup =
        Caller.role(
                rng,
                "AWSBackupDefaultServiceRole",
                "AROAFZ5ZFKKIBJ5J6WJIB",
                () -> "AWSBackup-AWSBackupDefaultServiceRole",
                3600)
            .path("/service-role/")
            .via("backup.amazonaws.com");

    ecsScheduler =
        Caller.role(rng, "AWSServiceRoleForECS", "AROA7V4SEH2KVJ72CEUVX", () -> "ecs-service-scheduler", 3600)
            .path("/aws-service-role/ecs.amazonaws.com/")
            .via("ecs.amazonaws.com");

    ssoUsers =
        List.of(
            sso("alice.nguyen@example.com", "AdministratorAccess_4f8a1b2c3d4e5f60", "AROAAGI3MNBQNSPUQ2IDW",
                "macos#23.4.0 md/arch#arm64", MAC_CHROME, true, true, "198.51.100.23", "198.51.100.24"),
            sso("bruno.silva@example.com", "PowerUserAccess_0c7d2e9a1b3f5a68", "AROA52IJB4LAJLJ6HDU6G",
                "linux#6.5.0-26-generic md/arch#x86_64 md/distrib#ubuntu.22", LINUX_FIREFOX, true, false,
                "203.0.113.45"),
            sso("chen.li@example.com", "ReadOnlyAccess_7e1f3a5b9c2d4e60", "AROADPMRCG4BE4UMR46PQ",
                "windows#10 md/arch#amd64", WINDOWS_EDGE, false, false, "192.0.2.17"),
            sso("dana.kowalski@example.com", "DeveloperAccess_2b9c4d6e8f0a1b35", "AROAM4I2HZ4UEP3ENTHJX",
                "macos#23.3.0 md/arch#arm64", MAC_SAFARI, true, false, "198.51.100.88", "203.0.113.91"),
            sso("erin.okafor@example.com", "SecurityAudit_5a6b7c8d9e0f1a2b", "AROAJQI5OGZ7KOK3ZV2MW",
                "macos#23.4.0 md/arch#arm64", MAC_CHROME, false, false, "192.0.2.140"));

    kim =
        Caller.iamUser(rng, "kim.oduya", "AIDAUFXBV54BYVSEHOGFQ", "AKIARCLRI3QZJ7UFRDL3", true, false)
            .from("192.0.2.55")
            .agent(CLI, "linux#6.8.0-31-generic md/arch#x86_64 md/distrib#ubuntu.24");
    kimConsole =
        Caller.iamUser(rng, "kim.oduya", "AIDAUFXBV54BYVSEHOGFQ", "AKIARCLRI3QZJ7UFRDL3", true, true)
            .from("192.0.2.55")
            .agent(CONSOLE);
    kimSignIn =
        Caller.iamUser(rng, "kim.oduya", "AIDAUFXBV54BYVSEHOGFQ", null, true, false)
            .from("192.0.2.55")
            .agent(BROWSER, LINUX_FIREFOX);
    jenkins =
        Caller.iamUser(rng, "jenkins-legacy", "AIDARBFQFOEQH5AV2RICP", "AKIAHKQDLMTTNS4LRWBQ", false, false)
            .from("198.51.100.150")
            .agent(JAVA_V1);

    datadogAccount =
        Caller.foreignAccount(rng, "AROAABM6P4G37ZTNOVMIZ:datadog-aws-crawler")
            .from("198.51.100.200", "198.51.100.201", "198.51.100.202", "198.51.100.203")
            .agent(GO_SDK);
    githubTokens =
        REPOS.stream()
            .map(repo -> Caller.webIdentity(rng, OIDC_PROVIDER, "repo:" + repo + ":ref:refs/heads/main")
                .from(runners)
                .agent(JS_SDK))
            .toList();
    internal = Caller.internal(rng, "AWS Internal");
    root = Caller.root(rng).from("203.0.113.250").agent(BROWSER, MAC_SAFARI);
  }

  static final String MAC_CHROME =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/122.0.0.0 Safari/537.36";
  static final String MAC_SAFARI =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
          + " Version/17.3.1 Safari/605.1.15";
  static final String LINUX_FIREFOX =
      "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0";
  static final String WINDOWS_EDGE =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.80";

  private SsoUser sso(
      String email,
      String permissionSet,
      String roleId,
      String cliPlatform,
      String browser,
      boolean canWrite,
      boolean admin,
      String... ips) {
    String role = "AWSReservedSSO_" + permissionSet;
    Caller cli = Caller.sso(rng, role, roleId, email, false).from(ips).agent(CLI, cliPlatform);
    Caller console = Caller.sso(rng, role, roleId, email, true).from(ips).agent(CONSOLE);
    Caller signIn = console.seenAs(BROWSER, browser);
    Caller saml = Caller.samlUser(rng, "kB3xY9pQ2mVhWq0rT5uZcNe8sLw=", email).from(ips).agent(BROWSER, browser);
    String shortSet = permissionSet.substring(0, permissionSet.lastIndexOf('_'));
    return new SsoUser(email, shortSet, cli, console, signIn, saml, canWrite, admin);
  }

  /** The actor of a service's own event (rotation started, rotation succeeded). */
  Caller internal(String host) {
    return Caller.internal(rng, host);
  }

  /** An AWS service acting itself. */
  Caller service(String host) {
    return Caller.service(rng, host);
  }

  /** An SSO user, weighted towards the people who work in the account most. */
  SsoUser someone() {
    double r = rng.nextDouble();
    if (r < 0.30) {
      return ssoUsers.get(3);
    }
    if (r < 0.55) {
      return ssoUsers.get(1);
    }
    if (r < 0.75) {
      return ssoUsers.get(0);
    }
    if (r < 0.90) {
      return ssoUsers.get(2);
    }
    return ssoUsers.get(4);
  }

  /** An SSO user allowed to change things (not ReadOnly, not SecurityAudit). */
  SsoUser writer() {
    double r = rng.nextDouble();
    return r < 0.45 ? ssoUsers.get(3) : r < 0.8 ? ssoUsers.get(1) : ssoUsers.get(0);
  }

  SsoUser admin() {
    return ssoUsers.get(0);
  }
}
