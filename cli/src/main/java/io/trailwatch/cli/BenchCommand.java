package io.trailwatch.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailwatch.cli.bench.TrafficGenerator;
import io.trailwatch.cli.scan.ScanJob;
import io.trailwatch.cli.scan.ScanStats;
import io.trailwatch.core.config.Tuned;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.input.EventReader;
import io.trailwatch.core.input.InputProblem;
import io.trailwatch.core.rule.Rule;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures the scan against a floor measured in the same run: the bare Jackson parse of the same bytes
 * (every record read into a tree, nothing else). The ratio is what matching the whole catalog costs on
 * top of reading the logs, and it holds on a loaded machine where absolute figures do not: it is the median
 * over rounds of each round's scan time over that same round's floor, printed with its range.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Generates CloudTrail log files of realistic shape, then times, in alternating rounds: the bare"
          + " Jackson parse of the files (the floor), the full scan on one thread, and on all threads.",
      "Prints events/s, MB/s, the scan/floor time ratio and the peak heap of the scan."
    })
final class BenchCommand implements Callable<Integer> {
  @Mixin CatalogOptions catalog = new CatalogOptions();

  @Mixin TuningOptions tuning = new TuningOptions();

  @Option(names = "--events", description = "Events in all (default: ${DEFAULT-VALUE}).")
  int events = 200_000;

  @Option(names = "--files", description = "Log files they are spread over (default: ${DEFAULT-VALUE}).")
  int files = 8;

  @Option(names = "--rounds", description = "Measured rounds after one warm-up (default: ${DEFAULT-VALUE}).")
  int rounds = 5;

  @Option(
      names = "--security-fraction",
      description = "Share of security-relevant calls (default: ${DEFAULT-VALUE}).")
  double securityFraction = 0.03;

  @Option(names = "--dir", description = "Where to write the generated logs (default: a temporary folder, deleted after).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    List<Rule> rules = catalog.loadRules();
    Tuned detector = Tuned.of(rules, tuning.loadConfig(rules), (r, e, err) -> {});
    boolean temporary = dir == null;
    Path where = temporary ? Files.createTempDirectory("trailwatch-bench") : Files.createDirectories(dir);
    try {
      List<Path> logs = generate(where);
      long bytes = 0;
      for (Path log : logs) {
        bytes += Files.size(log);
      }
      System.out.printf("trailwatch bench: %,d events in %d files (%.1f MB), %d rules, %d cores, Java %s%n",
          events, logs.size(), bytes / 1e6, detector.detector().ruleCount(), Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      int threads = Runtime.getRuntime().availableProcessors();
      double[] floor = new double[rounds];
      double[] scan1 = new double[rounds];
      double[] scanN = new double[rounds];
      long findings = 0;
      for (int round = -1; round < rounds; round++) {
        double f = timeFloor(logs);
        double s1 = timeScan(detector, logs, 1);
        double sN = timeScan(detector, logs, threads);
        if (round >= 0) {
          floor[round] = f;
          scan1[round] = s1;
          scanN[round] = sN;
        }
      }
      resetPeaks();
      ScanStats stats = scan(detector, logs, threads);
      long peak = heapPeak();
      findings = stats.findings();
      double mb = bytes / 1e6;
      double f = median(floor);
      double s1 = median(scan1);
      double sN = median(scanN);
      double[] r1 = ratios(scan1, floor);
      double[] rN = ratios(scanN, floor);
      System.out.printf("%-34s %12s %10s %8s %8s  %s%n", "median of " + rounds + " rounds", "events/s", "MB/s", "x floor",
          "best", "(range over rounds)");
      row("floor: Jackson parse, 1 thread", f, mb, new double[] {1, 1, 1}, 1);
      row("scan: full catalog, 1 thread", s1, mb, r1, min(scan1) / min(floor));
      row("scan: full catalog, " + threads + " threads", sN, mb, rN, min(scanN) / min(floor));
      System.out.printf("matching cost over parsing: %+.0f%% (target at most +30%%)%n", (median(r1) - 1) * 100);
      System.out.printf("findings per scan: %,d (%.2f%% of events)%n", findings, 100.0 * findings / events);
      System.out.printf("scan peak heap: %.0f MB at most (sum of the heap pools' peaks; max heap %.0f MB)%n", peak / 1e6,
          Runtime.getRuntime().maxMemory() / 1e6);
      return 0;
    } finally {
      if (temporary) {
        try (Stream<Path> walk = Files.walk(where)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /**
   * Each round's scan time over the same round's floor: the machine's speed drifts from one minute to
   * the next, and a ratio of two times measured seconds apart cancels most of that drift.
   */
  static double[] ratios(double[] scans, double[] floors) {
    double[] out = new double[scans.length];
    for (int i = 0; i < scans.length; i++) {
      out[i] = scans[i] / floors[i];
    }
    return out;
  }

  /**
   * @param best the fastest scan round over the fastest floor round: interference on a shared machine only
   *     ever adds time, so the best rounds are the two closest to the code's own cost
   */
  private void row(String name, double seconds, double mb, double[] ratios, double best) {
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    String range = sorted.length > 1 && sorted[0] != sorted[sorted.length - 1]
        ? String.format("  (%.2f-%.2f)", sorted[0], sorted[sorted.length - 1]) : "";
    System.out.printf("%-34s %,12.0f %10.1f %8.2f %8.2f%s%n", name, events / seconds, mb / seconds, median(ratios), best,
        range);
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private List<Path> generate(Path where) throws IOException {
    TrafficGenerator generator = new TrafficGenerator(20261125L, securityFraction);
    List<Path> out = new ArrayList<>();
    int perFile = Math.max(1, events / files);
    Instant start = Instant.parse("2026-03-14T00:00:00Z");
    for (int i = 0; i < files; i++) {
      Path file = where.resolve(String.format("111122223333_CloudTrail_us-east-1_bench_%02d.json", i));
      int n = i == files - 1 ? events - perFile * (files - 1) : perFile;
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        generator.writeLogFile(os, n, start.plusSeconds(3600L * i));
      }
      out.add(file);
    }
    return out;
  }

  /** The floor: what reading the same bytes into JSON trees costs, with nothing else done. */
  static double timeFloor(List<Path> logs) throws IOException {
    long start = System.nanoTime();
    long records = 0;
    for (Path log : logs) {
      try (JsonParser p = Json.MAPPER.getFactory().createParser(Files.newInputStream(log))) {
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          if (p.nextToken() == JsonToken.START_ARRAY && name.equals("Records")) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              p.readValueAsTree();
              records++;
            }
          } else {
            p.skipChildren();
          }
        }
      }
    }
    if (records == 0) {
      throw new IllegalStateException("the floor read no record");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static double timeScan(Tuned detector, List<Path> logs, int threads) throws InterruptedException {
    long start = System.nanoTime();
    scan(detector, logs, threads);
    return (System.nanoTime() - start) / 1e9;
  }

  static ScanStats scan(Tuned detector, List<Path> logs, int threads) throws InterruptedException {
    ScanStats stats = new ScanStats();
    new ScanJob(detector, EventReader.DEFAULT_MAX_RECORD_BYTES, stats, threads, Main.clock)
        .run(logs, new ScanJob.Listener() {
          @Override
          public void findings(List<Finding> findings) {}

          @Override
          public void problems(List<InputProblem> problems, long dropped) {
            if (!problems.isEmpty()) {
              throw new IllegalStateException("generated traffic has bad records: " + problems.get(0));
            }
          }
        });
    return stats;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
