package io.trailwatch.aws.slack;

import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.port.DeliveryException;
import io.trailwatch.core.render.Enricher;
import io.trailwatch.core.render.SlackMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts alerts to a Slack incoming webhook as Block Kit messages. Slack allows about one message a second
 * per webhook and answers 429 with {@code Retry-After}: the channel waits that long and tries again, up to
 * {@value #MAX_ATTEMPTS} attempts and {@value #MAX_WAIT_SECONDS} seconds of waiting, then gives the finding
 * back to the queue. 5xx and network failures are transient too; any other 4xx ({@code invalid_payload},
 * {@code channel_not_found}, {@code channel_is_archived}...) will not succeed on a retry and is permanent.
 *
 * <p>The webhook URL is a credential: it is never put in a message, a log line or an exception.
 */
public final class SlackChannel implements AlertChannel {
  static final int MAX_ATTEMPTS = 3;
  static final int MAX_WAIT_SECONDS = 10;

  /** Waits between attempts; tests substitute nothing, the real clock is fast enough at one second. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HttpClient http;
  private final URI webhook;
  private final Enricher enricher;
  private final Sleeper sleeper;
  private final String name;

  public SlackChannel(HttpClient http, URI webhook, Enricher enricher) {
    this(http, webhook, enricher, "slack");
  }

  /** @param name the channel's name in logs and in the delivery ledger ({@code slack:oncall}) */
  public SlackChannel(HttpClient http, URI webhook, Enricher enricher, String name) {
    this(http, webhook, enricher, d -> Thread.sleep(d.toMillis()), name);
  }

  public SlackChannel(HttpClient http, URI webhook) {
    this(http, webhook, Enricher.NONE);
  }

  SlackChannel(HttpClient http, URI webhook, Enricher enricher, Sleeper sleeper) {
    this(http, webhook, enricher, sleeper, "slack");
  }

  SlackChannel(HttpClient http, URI webhook, Enricher enricher, Sleeper sleeper, String name) {
    this.http = http;
    this.webhook = webhook;
    this.enricher = enricher;
    this.sleeper = sleeper;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(Finding finding) {
    HttpRequest request =
        HttpRequest.newBuilder(webhook)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(SlackMessage.render(finding, enricher.contextOf(finding)).toString()))
            .build();
    long waited = 0;
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new DeliveryException("Slack webhook unreachable (" + e.getClass().getSimpleName() + ")", false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeliveryException("interrupted while posting to Slack", false);
      }
      int status = response.statusCode();
      if (status == 200) {
        return;
      }
      String reason = "Slack webhook answered HTTP " + status + " " + shortBody(response.body());
      if (status == 429) {
        long wait = retryAfter(response);
        if (attempt >= MAX_ATTEMPTS || waited + wait > MAX_WAIT_SECONDS) {
          throw new DeliveryException(reason + " (rate limited; the queue will retry)", false);
        }
        try {
          sleeper.sleep(Duration.ofSeconds(wait));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DeliveryException(reason, false);
        }
        waited += wait;
        continue;
      }
      throw new DeliveryException(reason, status < 500);
    }
  }

  private static long retryAfter(HttpResponse<?> response) {
    try {
      return Math.max(1, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** Slack's error bodies are short codes (channel_not_found); anything longer is cut. */
  private static String shortBody(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }
}
