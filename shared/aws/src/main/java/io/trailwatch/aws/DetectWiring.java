package io.trailwatch.aws;

import io.trailwatch.aws.sqs.SqsFindingPublisher;
import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.config.Allowlist;
import io.trailwatch.core.config.ConfigSource;
import io.trailwatch.core.config.LiveConfig;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.config.Tuned;
import io.trailwatch.core.detect.RuleErrorListener;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.FindingPublisher;
import io.trailwatch.core.port.InMemoryStateStore;
import io.trailwatch.core.port.LogChannel;
import io.trailwatch.core.port.StateStore;
import io.trailwatch.aws.dynamodb.DynamoDbStateStore;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.Severity;
import io.trailwatch.core.service.DetectService;
import io.trailwatch.core.service.OpsLog;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the detector function's service from its environment. Called once per container, at init, so
 * SnapStart snapshots the loaded catalog, the built clients and the configuration read at init (read
 * again after a restore: {@code DetectHandler.afterRestore}).
 */
public final class DetectWiring {
  public static final String FINDINGS_QUEUE_URL = "TRAILWATCH_FINDINGS_QUEUE_URL";
  public static final String DEPLOYER_ARNS = "TRAILWATCH_DEPLOYER_ARNS";
  public static final String MIN_SEVERITY = "TRAILWATCH_MIN_SEVERITY";
  /** The state table, where stateful rules (thresholds, first seen) keep what they count and have seen. */
  public static final String STATE_TABLE = "TRAILWATCH_STATE_TABLE";
  /** Set by {@code trailwatch invoke}: findings go to the console when no queue is configured. */
  public static final String LOCAL = "TRAILWATCH_LOCAL";
  /** The allowlist the "outside the pipeline" rules consult. */
  static final String DEPLOYERS = "deployers";

  private DetectWiring() {}

  /**
   * Builds the SQS client on a second thread while this one reads the catalog and builds the rule
   * machine: the two share nothing, and each costs a few hundred milliseconds of class loading at a cold
   * start (measured by {@code trailwatch coldstart}; Lambda gives init its full CPU allotment). When a
   * configuration parameter is set, a third thread builds the SSM client and reads it meanwhile; when it is
   * not, no SSM class is loaded.
   */
  public static DetectService detectService(Map<String, String> env, PrintStream out) {
    return detectService(env, out, Clock.systemUTC());
  }

  /** As {@link #detectService(Map, PrintStream)}, on a clock of the caller's (tests advance it past the TTL). */
  public static DetectService detectService(Map<String, String> env, PrintStream out, Clock clock) {
    CompletableFuture<FindingPublisher> publisher = beside("trailwatch-sqs-client", () -> publisher(env, out));
    CompletableFuture<StateStore> state = beside("trailwatch-state", () -> state(env));
    CompletableFuture<ConfigSource> config = ConfigWiring.configured(env)
        ? beside("trailwatch-ssm-client", () -> ConfigWiring.prefetched(env))
        : CompletableFuture.completedFuture(null);
    List<Rule> rules = Catalogs.loadBuiltIn(ConditionVocabulary.standard());
    OpsLog log = new OpsLog(out);
    RuleErrorListener errors = (rule, event, error) ->
        log.error("rule failed", "ruleId", rule.id(), "eventId", event.eventId(),
            "error", error.getClass().getSimpleName() + ": " + error.getMessage());
    List<String> deployers = Environment.list(env.get(DEPLOYER_ARNS));
    Set<String> ruleIds = new HashSet<>();
    rules.forEach(r -> ruleIds.add(r.id()));
    String minimum = env.get(MIN_SEVERITY);
    Severity floor = minimum == null || minimum.isBlank() ? Severity.LOW : Severity.parse(minimum);
    StateStore store = joined(state); // one store for every configuration: a refresh keeps what rules counted
    LiveConfig<Tuned> engine = ConfigWiring.live(joined(config), env, ruleIds,
        c -> Tuned.of(rules, withDeployers(c, deployers), errors, store), clock, log);
    return new DetectService(engine, joined(publisher), floor, clock, log);
  }

  /**
   * The configuration with the deployment's {@value #DEPLOYER_ARNS} (template parameter
   * DeployerPrincipalArns) as its {@code deployers} allowlist when it defines none: the parameter is the
   * fallback, and a configuration that lists deployers replaces it entirely.
   */
  static TrailwatchConfig withDeployers(TrailwatchConfig c, List<String> deployers) {
    if (deployers.isEmpty() || c.allowlists().containsKey(DEPLOYERS)) {
      return c;
    }
    Map<String, Allowlist> lists = new LinkedHashMap<>(c.allowlists());
    lists.put(DEPLOYERS, new Allowlist(DEPLOYERS, Allowlist.Kind.PRINCIPALS, List.copyOf(deployers)));
    return new TrailwatchConfig(c.source(), c.version(), Map.copyOf(lists), c.overrides(), c.suppressions(),
        c.changeWindows(), c.routing(), c.digestThreshold(), c.accountNames(), c.problems());
  }

  /**
   * The state of stateful rules: the state table when the deployment has one (every container shares
   * it), else this container's memory (a local invoke, a test).
   */
  static StateStore state(Map<String, String> env) {
    String table = env.get(STATE_TABLE);
    if (table == null || table.isBlank()) {
      return new InMemoryStateStore();
    }
    return new DynamoDbStateStore(Environment.client(DynamoDbClient.builder(), env, "DYNAMODB"), table);
  }

  /** Runs work on a daemon thread of its own; the future holds what it built or what it threw. */
  private static <T> CompletableFuture<T> beside(String name, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread builder = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }, name);
    builder.setDaemon(true);
    builder.start();
    return result;
  }

  /** What was built beside, or the very exception its construction threw (not wrapped). */
  private static <T> T joined(CompletableFuture<T> built) {
    try {
      return built.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static FindingPublisher publisher(Map<String, String> env, PrintStream out) {
    String queue = env.get(FINDINGS_QUEUE_URL);
    if (queue == null || queue.isBlank()) {
      if (env.containsKey(LOCAL)) {
        LogChannel console = new LogChannel(out);
        return findings -> {
          for (Finding f : findings) {
            console.deliver(f);
          }
        };
      }
      throw new IllegalStateException(FINDINGS_QUEUE_URL + " is not set: the detector has nowhere to send findings");
    }
    return new SqsFindingPublisher(sqs(env), queue);
  }

  static SqsClient sqs(Map<String, String> env) {
    return Environment.client(SqsClient.builder(), env, "SQS");
  }

}
