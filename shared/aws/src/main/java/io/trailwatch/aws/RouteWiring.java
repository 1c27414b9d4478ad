package io.trailwatch.aws;

import io.trailwatch.aws.securityhub.SecurityHubChannel;
import io.trailwatch.aws.sns.SnsChannel;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.port.LogChannel;
import io.trailwatch.core.service.OpsLog;
import io.trailwatch.core.service.RouteService;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the router function's service from its environment: the log always, the SNS alert topic
 * when {@value #ALERT_TOPIC_ARN} is set, and Security Hub when {@value #SECURITY_HUB} is "true". Slack
 * joins behind the same {@link AlertChannel} port.
 *
 * <p>Security Hub accepts only the caller's own findings. Lambda does not tell a function its account, so
 * {@value #ACCOUNT_ID} is read when present (set it to {@code !Ref AWS::AccountId}) to refuse another
 * account's finding before the call; without it the check is Security Hub's own rejection.
 */
public final class RouteWiring {
  public static final String ALERT_TOPIC_ARN = "TRAILWATCH_ALERT_TOPIC_ARN";
  public static final String SECURITY_HUB = "TRAILWATCH_SECURITY_HUB";
  public static final String ACCOUNT_ID = "AWS_ACCOUNT_ID";

  private RouteWiring() {}

  public static RouteService routeService(Map<String, String> env, PrintStream out) {
    List<AlertChannel> channels = new ArrayList<>();
    channels.add(new LogChannel(out));
    String topic = env.get(ALERT_TOPIC_ARN);
    if (topic != null && !topic.isBlank()) {
      channels.add(new SnsChannel(sns(env), topic));
    }
    if ("true".equalsIgnoreCase(env.getOrDefault(SECURITY_HUB, "").strip())) {
      channels.add(new SecurityHubChannel(securityHub(env), Environment.region(env).id(), env.get(ACCOUNT_ID)));
    }
    return new RouteService(channels, new OpsLog(out));
  }

  static SnsClient sns(Map<String, String> env) {
    var builder =
        SnsClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Environment.region(env))
            .credentialsProvider(Environment.credentials(env));
    URI endpoint = Environment.endpoint(env, "SNS");
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  static SecurityHubClient securityHub(Map<String, String> env) {
    var builder =
        SecurityHubClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Environment.region(env))
            .credentialsProvider(Environment.credentials(env));
    URI endpoint = Environment.endpoint(env, "SECURITYHUB");
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }
}
