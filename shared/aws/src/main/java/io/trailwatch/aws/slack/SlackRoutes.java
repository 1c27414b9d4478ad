package io.trailwatch.aws.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.rule.Severity;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends each alert to the Slack webhook its category or severity is routed to. The webhook secret holds
 * either one URL (every alert goes there) or a JSON object of routes:
 *
 * <pre>{@code
 * {"default": "https://hooks.slack.com/services/T/B/general",
 *  "CRITICAL": "https://hooks.slack.com/services/T/B/oncall",
 *  "category:iam": "https://hooks.slack.com/services/T/B/identity-team"}
 * }</pre>
 *
 * <p>The most specific route wins: the category's, then the severity's, then {@code default}. An alert no
 * route takes is not sent to Slack (the other destinations still get it). The URLs are credentials: an
 * invalid route is reported by its key, never by its value.
 */
public final class SlackRoutes implements AlertChannel {
  private final Map<String, AlertChannel> routes;

  private SlackRoutes(Map<String, AlertChannel> routes) {
    this.routes = routes;
  }

  /**
   * @throws IllegalStateException naming the key of an invalid route, or saying the value is neither
   */
  public static SlackRoutes parse(String secretValue, Function<URI, AlertChannel> channelFor) {
    String value = secretValue == null ? "" : secretValue.strip();
    Map<String, AlertChannel> routes = new LinkedHashMap<>();
    if (value.startsWith("{")) {
      JsonNode object;
      try {
        object = Json.MAPPER.readTree(value);
      } catch (IOException e) {
        throw new IllegalStateException("the Slack webhook secret is neither a URL nor a JSON object of routes");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> route = it.next();
        String key = normalise(route.getKey());
        routes.put(key, channelFor.apply(url(route.getValue().asText(), key)));
      }
    } else {
      routes.put("default", channelFor.apply(url(value, "the secret")));
    }
    return new SlackRoutes(routes);
  }

  private static String normalise(String key) {
    String k = key.strip();
    if (k.equalsIgnoreCase("default")) {
      return "default";
    }
    if (k.toLowerCase(Locale.ROOT).startsWith("category:")) {
      return "category:" + k.substring("category:".length()).strip().toLowerCase(Locale.ROOT);
    }
    try {
      return Severity.parse(k).name();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Slack route '" + key + "' is not default, a severity or category:<name>");
    }
  }

  private static URI url(String text, String key) {
    String url = text == null ? "" : text.strip();
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new IllegalStateException("Slack route " + key + " does not hold a webhook URL (expected https://...)");
    }
    return URI.create(url);
  }

  @Override
  public String name() {
    return "slack";
  }

  /** The route an alert takes, or null. */
  AlertChannel routeFor(Finding f) {
    AlertChannel byCategory = routes.get("category:" + String.valueOf(f.category()).toLowerCase(Locale.ROOT));
    if (byCategory != null) {
      return byCategory;
    }
    AlertChannel bySeverity = routes.get(f.severity());
    return bySeverity != null ? bySeverity : routes.get("default");
  }

  @Override
  public void deliver(Finding f) {
    AlertChannel route = routeFor(f);
    if (route != null) {
      route.deliver(f);
    }
  }
}
