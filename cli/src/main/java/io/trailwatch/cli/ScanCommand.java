package io.trailwatch.cli;

import io.trailwatch.cli.scan.Destinations;
import io.trailwatch.cli.scan.FindingPrinter;
import io.trailwatch.cli.scan.InputFiles;
import io.trailwatch.cli.scan.Progress;
import io.trailwatch.cli.scan.ScanJob;
import io.trailwatch.cli.scan.ScanStats;
import io.trailwatch.core.config.Suppression;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.config.Tuned;
import io.trailwatch.cli.scan.RuleStats;
import java.time.Instant;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.input.EventReader;
import io.trailwatch.core.input.InputProblem;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.port.InMemoryDedupStore;
import io.trailwatch.core.port.InMemoryDeliveryLedger;
import io.trailwatch.core.rule.Severity;
import io.trailwatch.core.service.OpsLog;
import io.trailwatch.core.service.RouteService;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every rule over EventBridge events (a JSON object, a JSON array or JSON Lines) and CloudTrail"
          + " log files as they lie in S3 ({\"Records\":[...]}, plain or .gz).",
      "Findings go to stdout, the summary and bad input to stderr. Exit 0 when it ran, whatever it found;"
          + " 3 with --fail-on when a finding reached that severity; 4 when a destination failed to take a"
          + " finding; 2 on usage or I/O errors."
    })
final class ScanCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (read recursively).")
  List<Path> paths = new ArrayList<>();

  @Mixin CatalogOptions catalog = new CatalogOptions();

  @Mixin TuningOptions tuning = new TuningOptions();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (for people, the default) or jsonl (one finding per line).")
  FindingPrinter.Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 3 when a finding at or above this severity appeared (LOW, MEDIUM, HIGH, CRITICAL).")
  String failOn;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files scanned at once (default: the number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--max-record-bytes",
      paramLabel = "N",
      description = "Records bigger than this are reported and skipped (default: ${DEFAULT-VALUE}).")
  int maxRecordBytes = EventReader.DEFAULT_MAX_RECORD_BYTES;

  @Option(
      names = "--stats",
      description = "After the scan, print per rule the findings it raised, how many the configuration's"
          + " suppressions hid and how many were left, and what each suppression hid (on stderr).")
  boolean showStats;

  @Option(names = "--quiet", description = "No summary on stderr (bad input is still reported).")
  boolean quiet;

  @Option(names = "--slack-webhook-url", paramLabel = "URL", description = "Also post each finding to this Slack incoming webhook.")
  URI slackWebhookUrl;

  @Option(names = "--sns-topic-arn", paramLabel = "ARN", description = "Also publish each finding to this SNS topic.")
  String snsTopicArn;

  @Option(names = "--security-hub", description = "Also import each finding into Security Hub, in the account and region of the finding.")
  boolean securityHub;

  @Option(names = "--dry-run", description = "Print what would be sent to the destinations above instead of sending it.")
  boolean dryRun;

  /** The same storm threshold the template defaults to: a replay groups alerts as the router would. */
  static final int DIGEST_THRESHOLD = 20;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Severity threshold = null;
    if (failOn != null) {
      try {
        threshold = Severity.parse(failOn);
      } catch (IllegalArgumentException e) {
        err.println("trailwatch: --fail-on " + failOn + ": use INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL");
        return Main.EXIT_USAGE;
      }
    }
    List<Path> files;
    try {
      files = InputFiles.expand(paths);
    } catch (NoSuchFileException e) {
      err.println("trailwatch: " + e.getFile() + ": no such file or directory");
      return Main.EXIT_USAGE;
    }
    List<Rule> rules = catalog.loadRules();
    TrailwatchConfig config = tuning.loadConfig(rules);
    ScanStats stats = new ScanStats();
    Tuned engine =
        Tuned.of(
            rules,
            config,
            (rule, event, error) -> {
              stats.ruleErrors.increment();
              err.println("trailwatch: rule " + rule.id() + " failed on event " + event.eventId() + ": " + Main.oneLine(error));
            });
    FindingPrinter printer = new FindingPrinter(format, out);
    Destinations.Wanted wanted = new Destinations.Wanted(slackWebhookUrl, snsTopicArn, securityHub, dryRun);
    RouteService delivery = wanted.any()
        ? new RouteService(Destinations.build(wanted, config.routing(), Main.environment, out),
            new InMemoryDeliveryLedger(), new InMemoryDedupStore(),
            config.digestThreshold() != null ? config.digestThreshold() : DIGEST_THRESHOLD, new OpsLog(err))
        : null;
    AtomicLong undelivered = new AtomicLong();
    long start = System.nanoTime();
    Severity failAt = threshold;
    AtomicBoolean reached = new AtomicBoolean();
    try (Progress progress = new Progress(stats, err, Progress.interactive())) {
      new ScanJob(engine, maxRecordBytes, stats, threads, Main.clock)
          .run(
              files,
              new ScanJob.Listener() {
                @Override
                public void findings(List<Finding> findings) {
                  for (Finding f : findings) {
                    printer.print(f);
                    if (failAt != null && Severity.valueOf(f.severity()).compareTo(failAt) >= 0) {
                      reached.set(true);
                    }
                  }
                  if (delivery != null && !findings.isEmpty()) {
                    undelivered.addAndGet(delivery.deliverFindings(findings).size());
                  }
                }

                @Override
                public void problems(List<InputProblem> problems, long dropped) {
                  for (InputProblem p : problems) {
                    err.println("trailwatch: bad input: " + p);
                  }
                  if (dropped > 0) {
                    err.println("trailwatch: ... and " + dropped + " more problems in the same file");
                  }
                }
              });
    }
    out.flush();
    if (!quiet) {
      summary(err, files.size(), stats, engine.detector().ruleCount(), (System.nanoTime() - start) / 1e9);
    }
    for (Suppression s : config.problems().isEmpty() ? List.<Suppression>of() : config.expiredAt(Main.clock.instant())) {
      err.printf("trailwatch: %s:%d: suppression '%s' (owner %s) expired on %s and no longer suppresses anything%n",
          config.source(), s.line(), s.id(), s.owner(), RuleStats.expiry(s.expires()));
    }
    if (showStats) {
      err.println();
      new RuleStats(stats, engine, Main.clock.instant()).print(err);
    }
    if (undelivered.get() > 0) {
      err.printf("trailwatch: %d findings could not be delivered (see the log lines above)%n", undelivered.get());
      return Main.EXIT_UNDELIVERED;
    }
    return reached.get() ? Main.EXIT_FAIL_ON : 0;
  }

  private static void summary(PrintStream err, int files, ScanStats stats, int rules, double seconds) {
    double mb = stats.bytes.sum() / 1e6;
    err.printf(
        "scanned %d file%s, %,d events (%.1f MB) with %d rules in %.2f s: %,.0f events/s, %.1f MB/s%n",
        files, files == 1 ? "" : "s", stats.events.sum(), mb, rules, seconds,
        stats.events.sum() / Math.max(seconds, 1e-9), mb / Math.max(seconds, 1e-9));
    err.printf("bad records: %,d%s%n", stats.problems.sum(), stats.ruleErrors.sum() > 0
        ? "; rule errors: " + stats.ruleErrors.sum() : "");
    StringBuilder line = new StringBuilder("findings: " + stats.findings());
    String sep = " (";
    for (Severity s : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFORMATIONAL}) {
      line.append(sep).append(s.name()).append(' ').append(stats.findings(s));
      sep = ", ";
    }
    err.println(line.append(')'));
  }
}
