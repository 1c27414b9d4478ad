package io.trailwatch.core.config;

import io.trailwatch.core.service.OpsLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A running function's view of its configuration: read at init, read again once the time to live has
 * passed, so a change in Parameter Store takes effect within minutes and without a deploy.
 *
 * <p>What is built from the configuration (the tuned detector, the router's channels) is kept with it and
 * built again only when the text changed. A new text that fails validation never replaces the last good
 * one: it is logged as {@code configuration rejected} with every problem, which the template's metric
 * filter counts and alarms on. A source that cannot be reached keeps the last good one too.
 *
 * <p>At init there is no last good configuration: an invalid or unreadable one fails the init, so Lambda
 * reports the error (alarmed) and retries the event rather than running with no allowlists, which would
 * page for every pipeline deploy. With SnapStart that happens at publish time, i.e. at deploy.
 *
 * <p>Expired suppressions are logged once each, when first seen expired, with their owner.
 */
public final class LiveConfig<T> {
  /** How long a read configuration is trusted before the source is asked again. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private final ConfigSource source;
  private final ConfigLoader loader;
  private final Function<TrailwatchConfig, T> build;
  private final Duration ttl;
  private final Clock clock;
  private final OpsLog log;
  private final Set<String> reportedExpired = new HashSet<>();
  private volatile Current<T> current;
  private volatile Instant nextCheck;

  private record Current<T>(TrailwatchConfig config, T built) {}

  /** @throws ConfigException or {@link ConfigSource.ConfigSourceException} when the first read fails */
  public LiveConfig(ConfigSource source, ConfigLoader loader, Function<TrailwatchConfig, T> build, Duration ttl,
      Clock clock, OpsLog log) {
    this.source = source;
    this.loader = loader;
    this.build = build;
    this.ttl = ttl;
    this.clock = clock;
    this.log = log;
    TrailwatchConfig first = loader.parse(source.fetch(), source.name());
    this.current = new Current<>(first, build.apply(first));
    log.info("configuration loaded", "source", source.name(), "version", first.version(),
        "suppressions", first.suppressions().size());
    this.nextCheck = clock.instant().plus(ttl);
    reportExpiries();
  }

  /** A configuration that never changes: the CLI's file, or none. */
  public static <T> LiveConfig<T> fixed(TrailwatchConfig config, Function<TrailwatchConfig, T> build, OpsLog log) {
    ConfigSource none = new ConfigSource() {
      @Override
      public String name() {
        return config.source();
      }

      @Override
      public String fetch() {
        throw new IllegalStateException("a fixed configuration is never read again");
      }
    };
    return new LiveConfig<>(none, config, build, log);
  }

  private LiveConfig(ConfigSource source, TrailwatchConfig config, Function<TrailwatchConfig, T> build, OpsLog log) {
    this.source = source;
    this.loader = null;
    this.build = build;
    this.ttl = null;
    this.clock = Clock.systemUTC();
    this.log = log;
    this.current = new Current<>(config, build.apply(config));
    this.nextCheck = Instant.MAX;
  }

  /** What is built from the current configuration, after reading the source again if it is time to. */
  public T get() {
    if (!clock.instant().isBefore(nextCheck)) {
      refresh();
    }
    return current.built();
  }

  public TrailwatchConfig config() {
    return current.config();
  }

  /** Read the source at the next {@link #get()}: after a SnapStart restore, the snapshot may be old. */
  public void expire() {
    if (loader != null) {
      nextCheck = Instant.MIN;
    }
  }

  private synchronized void refresh() {
    Instant now = clock.instant();
    if (now.isBefore(nextCheck)) {
      return; // another thread refreshed while this one waited
    }
    nextCheck = now.plus(ttl);
    String text;
    try {
      text = source.fetch();
    } catch (RuntimeException e) {
      log.warn("configuration could not be read; keeping the last good one", "source", source.name(),
          "version", current.config().version(), "reason", e.getMessage());
      return;
    }
    TrailwatchConfig next;
    try {
      next = loader.parse(text, source.name());
    } catch (ConfigException e) {
      List<String> problems = e.problems().stream().map(ConfigProblem::toString).toList();
      log.error("configuration rejected; keeping the last good one", "source", source.name(),
          "version", current.config().version(), "problems", problems);
      return;
    }
    if (!next.version().equals(current.config().version())) {
      try {
        current = new Current<>(next, build.apply(next));
      } catch (RuntimeException e) {
        log.error("configuration rejected; keeping the last good one", "source", source.name(),
            "version", current.config().version(), "problems", List.of(String.valueOf(e.getMessage())));
        return;
      }
      log.info("configuration updated", "source", source.name(), "version", next.version(),
          "suppressions", next.suppressions().size());
    }
    reportExpiries();
  }

  private void reportExpiries() {
    for (Suppression s : current.config().expiredAt(clock.instant())) {
      if (reportedExpired.add(s.id() + "@" + s.expires())) {
        log.warn("suppression expired; its findings are sent again", "suppression", s.id(), "owner", s.owner(),
            "expired", s.expires().toString(), "source", source.name(), "line", s.line());
      }
    }
  }
}
