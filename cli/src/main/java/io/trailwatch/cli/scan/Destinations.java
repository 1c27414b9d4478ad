package io.trailwatch.cli.scan;

import io.trailwatch.aws.RouteWiring;
import io.trailwatch.aws.securityhub.SecurityHubChannel;
import io.trailwatch.aws.slack.SlackChannel;
import io.trailwatch.aws.sns.SnsChannel;
import io.trailwatch.core.config.Routing;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.RoutedChannel;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.render.AsffFinding;
import io.trailwatch.core.render.PlainTextAlert;
import io.trailwatch.core.render.SlackMessage;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The destinations {@code trailwatch scan} delivers to when asked: the same channels the router uses,
 * built from flags and the standard AWS SDK configuration (profiles, region, {@code AWS_ENDPOINT_URL}
 * and {@code AWS_ENDPOINT_URL_<SERVICE>}), or, with {@code --dry-run}, printing what they would send.
 */
public final class Destinations {
  private Destinations() {}

  /** What the flags asked for. */
  public record Wanted(URI slackWebhook, String snsTopicArn, boolean securityHub, boolean dryRun) {
    public boolean any() {
      return slackWebhook != null || snsTopicArn != null || securityHub;
    }
  }

  /**
   * The channels the flags ask for, each behind its route of the configuration: SNS and Security Hub
   * take what their filter accepts; the one Slack webhook of the command line takes what any Slack route
   * accepts.
   */
  public static List<AlertChannel> build(Wanted wanted, Routing routing, Map<String, String> environment,
      PrintStream out) {
    List<AlertChannel> channels = new ArrayList<>();
    if (wanted.slackWebhook() != null) {
      channels.add(new RoutedChannel(wanted.dryRun()
          ? printing("slack", f -> SlackMessage.render(f).toPrettyString(), out)
          : new SlackChannel(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), wanted.slackWebhook()),
          f -> !routing.slackChannels(f).isEmpty()));
    }
    if (wanted.snsTopicArn() != null) {
      String topic = wanted.snsTopicArn();
      channels.add(new RoutedChannel(wanted.dryRun()
          ? printing("sns", f -> "TopicArn: " + topic + "\nSubject: " + PlainTextAlert.subject(f)
              + "\nMessageAttributes: severity=" + f.severity() + " category=" + f.category() + " ruleId="
              + f.ruleId() + " account=" + f.account() + "\n\n" + PlainTextAlert.body(f), out)
          : new SnsChannel(RouteWiring.sns(withRegion(environment, regionOfArn(topic))), topic),
          routing.sns()::accepts));
    }
    if (wanted.securityHub()) {
      channels.add(new RoutedChannel(wanted.dryRun()
          ? printing("securityhub", f -> AsffFinding.render(f, f.region(), f.account()).toPrettyString(), out)
          : perRegionSecurityHub(environment),
          routing.securityHub()::accepts));
    }
    return channels;
  }

  /** Security Hub imports into the region and account of each finding, so one client per region. */
  private static AlertChannel perRegionSecurityHub(Map<String, String> environment) {
    Map<String, SecurityHubChannel> byRegion = new ConcurrentHashMap<>();
    return new AlertChannel() {
      @Override
      public String name() {
        return "securityhub";
      }

      @Override
      public void deliver(Finding f) {
        byRegion.computeIfAbsent(f.region(), region ->
            new SecurityHubChannel(RouteWiring.securityHub(withRegion(environment, region)), region, null)).deliver(f);
      }
    };
  }

  private static AlertChannel printing(String name, Function<Finding, String> render, PrintStream out) {
    return new AlertChannel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void deliver(Finding f) {
        out.println("--- " + name + " (dry run: not sent) ---");
        out.println(render.apply(f));
      }
    };
  }

  static Map<String, String> withRegion(Map<String, String> environment, String region) {
    Map<String, String> env = new HashMap<>(environment);
    if (region != null) {
      env.put("AWS_REGION", region);
    }
    return env;
  }

  /** {@code arn:aws:sns:eu-west-1:111122223333:alerts} is in eu-west-1. */
  static String regionOfArn(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || parts[3].isEmpty()) {
      throw new IllegalArgumentException("--sns-topic-arn " + arn + ": not a topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
    }
    return parts[3];
  }
}
