package io.trailwatch.cli.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The three date spellings found inside CloudTrail records.
 *
 * <p>Why not one: {@code eventTime} is ISO-8601 to the second, but IAM and STS echo their own API's
 * formatting inside {@code responseElements} ({@code "Mar 14, 2026 10:12:03 AM"}); parsers that assume ISO
 * everywhere break on real trails, so the generator reproduces both.
 */
final class Times {
  private static final DateTimeFormatter IAM =
      DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STS =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LAMBDA =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private Times() {}

  /** {@code 2026-03-14T09:21:37Z}, as eventTime and creationDate. */
  static String iso(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code 2026-03-14T09:21:37.120Z}, as Config and EC2 write it. */
  static String millis(Instant t) {
    return MILLIS.format(t);
  }

  /** {@code Mar 14, 2026 10:12:03 AM}, as IAM's createDate. */
  static String iam(Instant t) {
    return IAM.format(t);
  }

  /** {@code Mar 14, 2026, 11:12:03 AM}, as STS's credential expiration. */
  static String sts(Instant t) {
    return STS.format(t);
  }

  /** {@code 2026-03-14T10:12:03.000+0000}, as Lambda's lastModified. */
  static String lambda(Instant t) {
    return LAMBDA.format(t);
  }

  /** Hour of day in UTC. */
  static int hour(Instant t) {
    return (int) ((t.getEpochSecond() % 86400 + 86400) % 86400 / 3600);
  }
}
