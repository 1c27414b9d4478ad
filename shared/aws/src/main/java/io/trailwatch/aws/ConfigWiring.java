package io.trailwatch.aws;

import io.trailwatch.aws.ssm.SsmConfigSource;
import io.trailwatch.core.config.ConfigException;
import io.trailwatch.core.config.ConfigLoader;
import io.trailwatch.core.config.ConfigProblem;
import io.trailwatch.core.config.ConfigSource;
import io.trailwatch.core.config.LiveConfig;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.service.OpsLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Where both functions read the tuning configuration: the Parameter Store parameter named by
 * {@value #CONFIG_PARAMETER} (template parameter {@code ConfigParameterName}), read at init and again every
 * {@value #CONFIG_TTL_SECONDS} seconds (default 300). Without it, the functions run with no configuration
 * and no SSM client is built (the SDK module's classes are never loaded).
 */
public final class ConfigWiring {
  /** The parameter's name, e.g. {@code /trailwatch/config}; empty or unset: no configuration. */
  public static final String CONFIG_PARAMETER = "TRAILWATCH_CONFIG_PARAMETER";
  /** How long a read configuration is trusted before the parameter is read again, in seconds. */
  public static final String CONFIG_TTL_SECONDS = "TRAILWATCH_CONFIG_TTL_SECONDS";

  private ConfigWiring() {}

  public static boolean configured(Map<String, String> env) {
    String name = env.get(CONFIG_PARAMETER);
    return name != null && !name.isBlank();
  }

  static Duration ttl(Map<String, String> env) {
    String seconds = env.get(CONFIG_TTL_SECONDS);
    if (seconds == null || seconds.isBlank()) {
      return LiveConfig.DEFAULT_TTL;
    }
    try {
      long s = Long.parseLong(seconds.strip());
      if (s < 0) {
        throw new NumberFormatException();
      }
      return Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(CONFIG_TTL_SECONDS + " must be a whole number of seconds, not '" + seconds + "'");
    }
  }

  /** The parameter as a source (this builds the SSM client); only call when {@link #configured}. */
  static ConfigSource source(Map<String, String> env) {
    return new SsmConfigSource(Environment.client(SsmClient.builder(), env, "SSM"), env.get(CONFIG_PARAMETER).strip());
  }

  /**
   * The configured source with its first text already read (or its failure to be read kept), so an init
   * can build the client and make the first call on another thread while it loads the catalog.
   */
  static ConfigSource prefetched(Map<String, String> env) {
    return new Prefetched(source(env));
  }

  /**
   * The live configuration of a function: a fixed empty one when source is null, else the source read now
   * and every {@link #ttl} after.
   *
   * <p>At init there is no last good configuration to fall back to: an invalid one is logged as
   * {@code configuration rejected at init} (the metric filter counts it) with every problem, and fails the
   * init, as an unreadable one does; with SnapStart, that fails the deployment rather than running with
   * no allowlists.
   *
   * @param ruleIds the catalog's rules, or null where the catalog is not loaded (the router)
   */
  static <T> LiveConfig<T> live(ConfigSource source, Map<String, String> env, Set<String> ruleIds,
      Function<TrailwatchConfig, T> build, Clock clock, OpsLog log) {
    if (source == null) {
      return LiveConfig.fixed(TrailwatchConfig.EMPTY, build, log);
    }
    Duration ttl = ttl(env);
    try {
      return new LiveConfig<>(source, new ConfigLoader(ruleIds, clock), build, ttl, clock, log);
    } catch (ConfigException e) {
      log.error("configuration rejected at init; the function cannot start without a valid one",
          "source", source.name(), "problems", e.problems().stream().map(ConfigProblem::toString).toList());
      throw e;
    } catch (ConfigSource.ConfigSourceException e) {
      log.error("configuration could not be read at init; the function cannot start without it",
          "source", source.name(), "reason", e.getMessage());
      throw e;
    }
  }

  /** A source whose first text was read when it was made; later reads go to the source. */
  private static final class Prefetched implements ConfigSource {
    private final ConfigSource source;
    private String first;
    private RuntimeException failure;
    private boolean used;

    Prefetched(ConfigSource source) {
      this.source = source;
      try {
        first = source.fetch();
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    @Override
    public String name() {
      return source.name();
    }

    @Override
    public synchronized String fetch() {
      if (!used) {
        used = true;
        String text = first;
        first = null;
        if (failure != null) {
          throw failure;
        }
        return text;
      }
      return source.fetch();
    }
  }
}
