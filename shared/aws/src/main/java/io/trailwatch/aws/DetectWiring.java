package io.trailwatch.aws;

import io.trailwatch.aws.sqs.SqsFindingPublisher;
import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.condition.EvaluationContext;
import io.trailwatch.core.detect.Detector;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.FindingPublisher;
import io.trailwatch.core.port.LogChannel;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.Severity;
import io.trailwatch.core.service.DetectService;
import io.trailwatch.core.service.OpsLog;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the detector function's service from its environment. Called once per container, at init, so
 * SnapStart snapshots the loaded catalog and the built client.
 */
public final class DetectWiring {
  public static final String FINDINGS_QUEUE_URL = "TRAILWATCH_FINDINGS_QUEUE_URL";
  public static final String DEPLOYER_ARNS = "TRAILWATCH_DEPLOYER_ARNS";
  public static final String MIN_SEVERITY = "TRAILWATCH_MIN_SEVERITY";
  /** Set by {@code trailwatch invoke}: findings go to the console when no queue is configured. */
  public static final String LOCAL = "TRAILWATCH_LOCAL";

  private DetectWiring() {}

  /**
   * Builds the SQS client on a second thread while this one reads the catalog and builds the rule
   * machine: the two share nothing, and each costs a few hundred milliseconds of class loading at a cold
   * start (measured by {@code trailwatch coldstart}; Lambda gives init its full CPU allotment).
   */
  public static DetectService detectService(Map<String, String> env, PrintStream out) {
    CompletableFuture<FindingPublisher> publisher = new CompletableFuture<>();
    Thread builder = new Thread(() -> {
      try {
        publisher.complete(publisher(env, out));
      } catch (RuntimeException | Error e) {
        publisher.completeExceptionally(e);
      }
    }, "trailwatch-sqs-client");
    builder.setDaemon(true);
    builder.start();
    List<Rule> rules = Catalogs.loadBuiltIn(ConditionVocabulary.standard());
    OpsLog log = new OpsLog(out);
    EvaluationContext tuning =
        new EvaluationContext(Map.of("deployers", Environment.list(env.get(DEPLOYER_ARNS))));
    Detector detector =
        new Detector(rules, tuning, (rule, event, error) ->
            log.error("rule failed", "ruleId", rule.id(), "eventId", event.eventId(),
                "error", error.getClass().getSimpleName() + ": " + error.getMessage()));
    String minimum = env.get(MIN_SEVERITY);
    Severity floor = minimum == null || minimum.isBlank() ? Severity.LOW : Severity.parse(minimum);
    return new DetectService(detector, joined(publisher), floor, log);
  }

  /** The built publisher, or the very exception its construction threw (not wrapped). */
  private static FindingPublisher joined(CompletableFuture<FindingPublisher> publisher) {
    try {
      return publisher.join();
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
