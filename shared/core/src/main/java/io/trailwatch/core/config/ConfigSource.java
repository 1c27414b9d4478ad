package io.trailwatch.core.config;

/**
 * Where a running function reads its configuration (a Parameter Store parameter in AWS). The port keeps
 * the core free of the SDK; {@link LiveConfig} decides when to read and what to do with the answer.
 */
public interface ConfigSource {
  /** Names the source in logs and messages, e.g. {@code ssm:/trailwatch/config}. */
  String name();

  /**
   * The configuration's current text.
   *
   * @throws ConfigSourceException when it cannot be read now
   */
  String fetch();

  final class ConfigSourceException extends RuntimeException {
    public ConfigSourceException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
