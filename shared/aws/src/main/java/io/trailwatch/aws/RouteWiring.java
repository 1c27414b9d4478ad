package io.trailwatch.aws;

import io.trailwatch.aws.dynamodb.DynamoDbDedupStore;
import io.trailwatch.aws.iam.IamPrincipalTags;
import io.trailwatch.aws.organizations.OrganizationsAccountNames;
import io.trailwatch.aws.dynamodb.DynamoDbDeliveryLedger;
import io.trailwatch.aws.slack.SlackChannel;
import io.trailwatch.aws.slack.SlackRoutes;
import io.trailwatch.aws.securityhub.SecurityHubChannel;
import io.trailwatch.aws.sns.SnsChannel;
import io.trailwatch.core.config.ConfigSource;
import io.trailwatch.core.config.LiveConfig;
import io.trailwatch.core.config.Routing;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.port.AccountNames;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.port.DedupStore;
import io.trailwatch.core.port.DeliveryLedger;
import io.trailwatch.core.port.LogChannel;
import io.trailwatch.core.port.RoutedChannel;
import io.trailwatch.core.render.Enricher;
import io.trailwatch.core.service.OpsLog;
import io.trailwatch.core.service.RouteService;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the router function's service from its environment: the log always, Slack when
 * {@value #SLACK_SECRET_ARN} names the secret holding its webhooks, the SNS alert topic when
 * {@value #ALERT_TOPIC_ARN} is set, Security Hub when {@value #SECURITY_HUB} is "true", and the delivery
 * ledger in the state table when {@value #STATE_TABLE} is set. The tuning configuration's {@code routing}
 * decides which findings each destination takes, and its {@code alerts} section overrides
 * {@value #DIGEST_THRESHOLD} and adds to {@value #ACCOUNT_NAMES}.
 *
 * <p>Security Hub accepts only the caller's own findings. Lambda does not tell a function its account, so
 * template.yaml sets {@value #ACCOUNT_ID} to {@code !Ref AWS::AccountId}, and another account's finding
 * is refused before the call; without it the check is Security Hub's own rejection.
 */
public final class RouteWiring {
  public static final String ALERT_TOPIC_ARN = "TRAILWATCH_ALERT_TOPIC_ARN";
  public static final String SECURITY_HUB = "TRAILWATCH_SECURITY_HUB";
  public static final String ACCOUNT_ID = "TRAILWATCH_ACCOUNT_ID";
  /** The state table: where deliveries are recorded, so a retried message skips what already took it. */
  public static final String STATE_TABLE = "TRAILWATCH_STATE_TABLE";
  /** The ARN of the secret holding the webhook URL; the URL itself is never in the environment. */
  public static final String SLACK_SECRET_ARN = "TRAILWATCH_SLACK_SECRET_ARN";
  /** Account names for alerts, {@code 111122223333=prod-payments,444455556666=sandbox}. */
  public static final String ACCOUNT_NAMES = "TRAILWATCH_ACCOUNT_NAMES";
  /** Alerts of one rule in one account within its window before the rest arrive as digests (0: never). */
  public static final String DIGEST_THRESHOLD = "TRAILWATCH_DIGEST_THRESHOLD";
  static final int DEFAULT_DIGEST_THRESHOLD = 20;
  /** "true": account names not configured are asked of AWS Organizations. */
  public static final String ORGANIZATIONS_NAMES = "TRAILWATCH_ORGANIZATIONS_NAMES";

  private RouteWiring() {}

  /**
   * The router's service as the current configuration ({@link ConfigWiring}) shapes it. The clients, the
   * Slack secret and the state table are made once, at init; what depends on the configuration (the
   * routes in front of each destination, the Slack channels, account names, the digest threshold) is built
   * again when the configuration changes.
   */
  public static LiveConfig<RouteService> routeService(Map<String, String> env, PrintStream out) {
    return routeService(env, out, Clock.systemUTC());
  }

  /** As {@link #routeService(Map, PrintStream)}, on a clock of the caller's (tests advance it past the TTL). */
  public static LiveConfig<RouteService> routeService(Map<String, String> env, PrintStream out, Clock clock) {
    OpsLog log = new OpsLog(out);
    Map<String, String> envNames = accountNameMap(env.get(ACCOUNT_NAMES));
    OrganizationsClient organizations =
        "true".equalsIgnoreCase(env.getOrDefault(ORGANIZATIONS_NAMES, "").strip()) ? organizations(env) : null;
    IamPrincipalTags owners = new IamPrincipalTags(iam(env), env.get(ACCOUNT_ID));
    String slackSecret = env.get(SLACK_SECRET_ARN);
    Map<String, URI> webhooks = slackSecret == null || slackSecret.isBlank()
        ? Map.of() : SlackRoutes.webhooks(slackSecretValue(env, slackSecret));
    HttpClient http = webhooks.isEmpty() ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String topic = env.get(ALERT_TOPIC_ARN);
    SnsClient sns = topic == null || topic.isBlank() ? null : sns(env);
    SecurityHubClient securityHub =
        "true".equalsIgnoreCase(env.getOrDefault(SECURITY_HUB, "").strip()) ? securityHub(env) : null;
    String table = env.get(STATE_TABLE);
    DynamoDbClient dynamo = table == null || table.isBlank() ? null : dynamo(env);
    DeliveryLedger ledger = dynamo == null ? DeliveryLedger.NONE : new DynamoDbDeliveryLedger(dynamo, table, Clock.systemUTC());
    DedupStore dedup = dynamo == null ? DedupStore.NONE : new DynamoDbDedupStore(dynamo, table);
    int envDigest = digestThreshold(env.get(DIGEST_THRESHOLD));

    Function<TrailwatchConfig, RouteService> build = config -> {
      Map<String, String> names = new HashMap<>(envNames);
      names.putAll(config.accountNames()); // the configuration's name of an account wins
      AccountNames accounts = AccountNames.of(Map.copyOf(names));
      if (organizations != null) {
        accounts = new OrganizationsAccountNames(organizations, accounts);
      }
      Enricher enricher = new Enricher(accounts, owners);
      Routing routing = config.routing();
      List<AlertChannel> channels = new ArrayList<>();
      channels.add(new LogChannel(out)); // the log keeps every alert, whatever the routes
      if (!webhooks.isEmpty()) {
        channels.addAll(SlackRoutes.channels(webhooks, routing,
            (name, url) -> new SlackChannel(http, url, enricher, name), log));
      } else if (!routing.slack().equals(Routing.DEFAULT.slack())) {
        log.warn("the configuration routes findings to Slack but no Slack webhook secret is configured",
            "channels", List.copyOf(routing.slackChannelNames()), "fix", "set the SlackWebhookSecretArn parameter");
      }
      if (sns != null) {
        channels.add(new RoutedChannel(new SnsChannel(sns, topic, enricher), routing.sns()::accepts));
      }
      if (securityHub != null) {
        channels.add(new RoutedChannel(
            new SecurityHubChannel(securityHub, Environment.region(env).id(), env.get(ACCOUNT_ID)),
            routing.securityHub()::accepts));
      }
      if (dynamo == null) {
        return new RouteService(channels, DeliveryLedger.NONE, DedupStore.NONE, log);
      }
      int digest = config.digestThreshold() != null ? config.digestThreshold() : envDigest;
      return new RouteService(channels, ledger, dedup, digest, log);
    };
    ConfigSource source = ConfigWiring.configured(env) ? ConfigWiring.source(env) : null;
    // The router does not load the catalog (its cold start): rule ids are checked by the detector, which
    // rejects, logs and alarms on a configuration naming an unknown rule.
    return ConfigWiring.live(source, env, null, build, clock, log);
  }

  static int digestThreshold(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_DIGEST_THRESHOLD;
    }
    try {
      return Math.max(0, Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(DIGEST_THRESHOLD + " must be a whole number, not '" + text + "'");
    }
  }

  /** Reads {@code id=name,id=name}; an entry without a name is skipped. */
  public static AccountNames accountNames(String pairs) {
    return AccountNames.of(accountNameMap(pairs));
  }

  static Map<String, String> accountNameMap(String pairs) {
    Map<String, String> names = new HashMap<>();
    for (String pair : Environment.list(pairs)) {
      int eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length() - 1) {
        names.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return Map.copyOf(names);
  }

  static IamClient iam(Map<String, String> env) {
    return Environment.client(IamClient.builder(), Environment.global(env), "IAM");
  }

  static OrganizationsClient organizations(Map<String, String> env) {
    return Environment.client(OrganizationsClient.builder(), Environment.global(env), "ORGANIZATIONS");
  }

  static DynamoDbClient dynamo(Map<String, String> env) {
    return Environment.client(DynamoDbClient.builder(), env, "DYNAMODB");
  }


  /**
   * Reads the webhook secret from Secrets Manager once, at init (so SnapStart keeps it in the snapshot and
   * no invocation pays for it): one URL, or a JSON object of channel names to URLs ({@link SlackRoutes}).
   */
  static String slackSecretValue(Map<String, String> env, String secretArn) {
    try (SecretsManagerClient secrets = Environment.client(SecretsManagerClient.builder(), env, "SECRETSMANAGER")) {
      return secrets.getSecretValue(b -> b.secretId(secretArn)).secretString();
    }
  }


  public static SnsClient sns(Map<String, String> env) {
    return Environment.client(SnsClient.builder(), env, "SNS");
  }


  public static SecurityHubClient securityHub(Map<String, String> env) {
    return Environment.client(SecurityHubClient.builder(), env, "SECURITYHUB");
  }

}
