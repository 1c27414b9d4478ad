package io.trailwatch.aws;

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
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the router function's service from its environment: the log always, and the SNS alert topic
 * when {@value #ALERT_TOPIC_ARN} is set. Slack and Security Hub join behind the same {@link AlertChannel}
 * port.
 */
public final class RouteWiring {
  public static final String ALERT_TOPIC_ARN = "TRAILWATCH_ALERT_TOPIC_ARN";

  private RouteWiring() {}

  public static RouteService routeService(Map<String, String> env, PrintStream out) {
    List<AlertChannel> channels = new ArrayList<>();
    channels.add(new LogChannel(out));
    String topic = env.get(ALERT_TOPIC_ARN);
    if (topic != null && !topic.isBlank()) {
      channels.add(new SnsChannel(sns(env), topic));
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
}
