package io.trailwatch.aws.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.config.Routing;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.port.RoutedChannel;
import io.trailwatch.core.rule.Severity;
import io.trailwatch.core.service.OpsLog;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The Slack channels of the webhook secret, and which findings each takes. The secret holds either one
 * URL (the channel {@code default}) or a JSON object of channel names to webhook URLs:
 *
 * <pre>{@code
 * {"default": "https://hooks.slack.com/services/T/B/general",
 *  "oncall": "https://hooks.slack.com/services/T/B/oncall",
 *  "identity-team": "https://hooks.slack.com/services/T/B/identity"}
 * }</pre>
 *
 * <p>Which finding goes to which channel is the configuration's {@code routing.slack} ({@link Routing}):
 * the URLs are credentials and stay in the secret, the routes name channels. Without a configuration every
 * finding goes to {@code default}. A route naming a channel the secret does not hold is logged as an error
 * when the configuration is loaded and skipped, so the routes after it still apply. The URLs are never
 * logged: an invalid entry is reported by its name.
 */
public final class SlackRoutes {
  public static final String DEFAULT = "default";

  private SlackRoutes() {}

  /**
   * The channels of the secret, by name.
   *
   * @throws IllegalStateException naming the channel whose value is not a URL, or saying the secret is
   *     neither a URL nor a JSON object
   */
  public static Map<String, URI> webhooks(String secretValue) {
    String value = secretValue == null ? "" : secretValue.strip();
    Map<String, URI> webhooks = new LinkedHashMap<>();
    if (value.startsWith("{")) {
      JsonNode object;
      try {
        object = Json.MAPPER.readTree(value);
      } catch (IOException e) {
        throw new IllegalStateException("the Slack webhook secret is neither a URL nor a JSON object of channels");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> channel = it.next();
        String name = channel.getKey().strip();
        if (name.isEmpty()) {
          throw new IllegalStateException("the Slack webhook secret has a channel with an empty name");
        }
        webhooks.put(name, url(channel.getValue().asText(), "Slack channel '" + name + "'"));
      }
    } else {
      webhooks.put(DEFAULT, url(value, "the Slack webhook secret"));
    }
    return Map.copyOf(webhooks);
  }

  private static URI url(String text, String what) {
    String url = text == null ? "" : text.strip();
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new IllegalStateException(what + " does not hold a webhook URL (expected https://...)");
    }
    return URI.create(url);
  }

  /**
   * One destination per channel the routes use, each taking the findings the routes send it. Its name in
   * logs and in the delivery ledger is {@code slack} for the default channel, {@code slack:<channel>} for
   * the others.
   *
   * @param channelFor builds the channel of one webhook, given its ledger name and URL
   */
  public static List<AlertChannel> channels(Map<String, URI> webhooks, Routing routing,
      BiFunction<String, URI, AlertChannel> channelFor, OpsLog log) {
    Routing usable = usable(webhooks, routing, log);
    warnOfOldRoutes(webhooks, usable, log);
    List<AlertChannel> out = new ArrayList<>();
    for (String channel : usable.slackChannelNames()) {
      String name = DEFAULT.equals(channel) ? "slack" : "slack:" + channel;
      out.add(new RoutedChannel(channelFor.apply(name, webhooks.get(channel)),
          f -> usable.slackChannels(f).contains(channel)));
    }
    return out;
  }

  /** The routing without the Slack routes whose channel the secret does not hold, each logged. */
  static Routing usable(Map<String, URI> webhooks, Routing routing, OpsLog log) {
    List<Routing.SlackRoute> kept = new ArrayList<>();
    for (Routing.SlackRoute route : routing.slack()) {
      if (webhooks.containsKey(route.channel())) {
        kept.add(route);
      } else {
        log.error("Slack route skipped: its channel is not in the Slack webhook secret", "channel", route.channel(),
            "channels", List.copyOf(webhooks.keySet()),
            "fix", "add the channel to the secret (a JSON object of channel names to webhook URLs) or correct the route");
      }
    }
    return new Routing(routing.sns(), routing.securityHub(), List.copyOf(kept));
  }

  /**
   * Before routing moved to the configuration the secret's keys were routes ("CRITICAL",
   * "category:iam"); such a key is now only a channel name, which no route may use.
   */
  private static void warnOfOldRoutes(Map<String, URI> webhooks, Routing usable, OpsLog log) {
    for (String name : webhooks.keySet()) {
      if (usable.slackChannelNames().contains(name)) {
        continue;
      }
      boolean old = name.toLowerCase(Locale.ROOT).startsWith("category:");
      try {
        Severity.parse(name);
        old = true;
      } catch (IllegalArgumentException e) {
        // not a severity
      }
      if (old) {
        log.warn("Slack channel looks like a route of the old secret format; no route uses it", "channel", name,
            "fix", "route by severity or category in the configuration's routing.slack (docs/deploy.md)");
      }
    }
  }
}
