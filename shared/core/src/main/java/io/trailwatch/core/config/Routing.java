package io.trailwatch.core.config;

import io.trailwatch.core.finding.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which findings go to which destination. SNS and Security Hub each take what their filter accepts. Slack
 * routes are tried in order, as Alertmanager's are: the first that accepts a finding takes it, unless it
 * says {@code continue: true}, in which case later routes are tried too. A channel is a name the Slack
 * webhook secret maps to a URL (the URLs are credentials and never appear in the configuration).
 *
 * <pre>{@code
 * routing:
 *   sns: {min_severity: HIGH}
 *   slack:
 *     - channel: oncall
 *       min_severity: CRITICAL
 *       continue: true
 *     - channel: identity-team
 *       categories: [iam, mfa]
 *     - channel: default
 * }</pre>
 */
public record Routing(RouteFilter sns, RouteFilter securityHub, List<SlackRoute> slack) {
  /** Without a routing section: every finding to SNS and Security Hub, and to Slack's default channel. */
  public static final Routing DEFAULT =
      new Routing(RouteFilter.ALL, RouteFilter.ALL, List.of(new SlackRoute("default", RouteFilter.ALL, false)));

  public record SlackRoute(String channel, RouteFilter filter, boolean continues) {}

  /** The Slack channels a finding goes to, in route order, each once. */
  public List<String> slackChannels(Finding f) {
    Set<String> out = new LinkedHashSet<>();
    for (SlackRoute route : slack) {
      if (route.filter().accepts(f)) {
        out.add(route.channel());
        if (!route.continues()) {
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }

  public Set<String> slackChannelNames() {
    Set<String> out = new LinkedHashSet<>();
    slack.forEach(r -> out.add(r.channel()));
    return out;
  }
}
