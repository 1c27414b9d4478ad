package io.trailwatch.cli.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes the benign baseline: one realistic day (2026-03-14) of account 111122223333, 24 hourly CloudTrail
 * log files of 125 records each, from {@code TrafficGenerator(20260314, 0.0)}.
 *
 * <p>Why it exists: the catalog test requires that no rule fires on {@code events/baseline/}. The day holds
 * the near misses naive rules flag (SSO sign-ins without MFA, pipeline and CloudFormation deploys,
 * self-service keys, AccessDenied, read-only policy attachments, HTTPS open to the world, KMS storms) and
 * none of the changes a rule exists to catch. Regenerate after changing the generator:
 *
 * <pre>{@code java -cp ... io.trailwatch.cli.bench.BaselineWriter [events/baseline/cloudtrail]}</pre>
 */
public final class BaselineWriter {
  static final long SEED = 20260314L;
  static final int FILES = 24;
  static final int RECORDS_PER_FILE = 125;

  private BaselineWriter() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/work/main/events/baseline/cloudtrail");
    Files.createDirectories(dir);
    TrafficGenerator generator = new TrafficGenerator(SEED, 0.0);
    for (int hour = 0; hour < FILES; hour++) {
      String hh = String.format("%02d", hour);
      Path file = dir.resolve("111122223333_CloudTrail_us-east-1_20260314T" + hh + "00Z_baseline.json");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        generator.writeLogFile(out, RECORDS_PER_FILE, Instant.parse("2026-03-14T" + hh + ":00:00Z"));
      }
    }
    System.out.println("wrote " + FILES + " files of " + RECORDS_PER_FILE + " records to " + dir);
  }
}
