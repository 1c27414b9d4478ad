package io.trailwatch.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every SDK client needs from the environment: region, credentials and, for tests and local runs,
 * an endpoint ({@code AWS_ENDPOINT_URL_<SERVICE>} or {@code AWS_ENDPOINT_URL}, as the SDKs and the AWS CLI
 * read them). The environment is passed in as a map, so tests point the real clients at a local server.
 */
public final class Environment {
  private Environment() {}

  static Region region(Map<String, String> env) {
    String region = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("AWS_REGION is not set");
    }
    return Region.of(region);
  }

  static AwsCredentialsProvider credentials(Map<String, String> env) {
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (key == null || secret == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    String token = env.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(
        token == null ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token));
  }

  /** The endpoint to use instead of AWS's, or null: the service's own variable wins over the general one. */
  static URI endpoint(Map<String, String> env, String service) {
    String endpoint = env.getOrDefault("AWS_ENDPOINT_URL_" + service, env.get("AWS_ENDPOINT_URL"));
    return endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
  }

  /** How long one HTTP attempt may take before it counts as failed (the SDK then retries). */
  static final String HTTP_TIMEOUT_MS = "TRAILWATCH_HTTP_TIMEOUT_MS";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * A hung endpoint must cost seconds, not the function's whole timeout: a slow destination fails its
   * findings back to the queue while the others are delivered.
   */
  static Duration timeout(Map<String, String> env) {
    String ms = env.get(HTTP_TIMEOUT_MS);
    if (ms == null || ms.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    try {
      return Duration.ofMillis(Long.parseLong(ms.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(HTTP_TIMEOUT_MS + " must be milliseconds, not '" + ms + "'");
    }
  }

  /**
   * Finishes a service client's builder the one way every client here is built: the url-connection HTTP
   * client (no apache or netty) with bounded timeouts, region and credentials from the environment, and the endpoint override
   * {@code AWS_ENDPOINT_URL_<service>} or {@code AWS_ENDPOINT_URL} when set.
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, Map<String, String> env, String service) {
    Duration timeout = timeout(env);
    builder
        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build())
        .overrideConfiguration(c -> c.apiCallAttemptTimeout(timeout).apiCallTimeout(timeout.multipliedBy(4)))
        .region(region(env))
        .credentialsProvider(credentials(env));
    URI endpoint = endpoint(env, service);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /** The environment of a global service (IAM, Organizations): its one endpoint is in us-east-1. */
  public static Map<String, String> global(Map<String, String> env) {
    Map<String, String> global = new java.util.HashMap<>(env);
    global.put("AWS_REGION", "us-east-1");
    return global;
  }

  static List<String> list(String commaSeparated) {
    List<String> out = new ArrayList<>();
    if (commaSeparated != null) {
      for (String part : commaSeparated.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }
}
