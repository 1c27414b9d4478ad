package io.trailwatch.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.config.LiveConfig;
import io.trailwatch.core.config.Suppressions;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.config.Tuned;
import io.trailwatch.core.detect.Detector;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.event.BadRecordException;
import io.trailwatch.core.event.EventValidator;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.FindingPublisher;
import io.trailwatch.core.rule.Severity;
import java.time.Clock;
import java.util.List;

/**
 * What the detector function does with one EventBridge event, free of Lambda and of the SDK: read it,
 * run the catalog, hand the findings at or above the minimum severity to the publisher.
 *
 * <p>A malformed event is logged with its id and reason and accepted: retrying cannot fix it. A failure
 * to publish propagates, so Lambda's retries and the on-failure destination keep the event.
 */
public final class DetectService {
  private final LiveConfig<Tuned> engine;
  private final FindingPublisher publisher;
  private final Severity minimum;
  private final Clock clock;
  private final OpsLog log;

  /**
   * @param engine the catalog as the current configuration runs it, refreshed when the configuration
   *     changes
   */
  public DetectService(LiveConfig<Tuned> engine, FindingPublisher publisher, Severity minimum, Clock clock,
      OpsLog log) {
    this.engine = engine;
    this.publisher = publisher;
    this.minimum = minimum;
    this.clock = clock;
    this.log = log;
  }

  /** A detector with no configuration: no suppressions, no overrides. */
  public DetectService(Detector detector, FindingPublisher publisher, Severity minimum, OpsLog log) {
    this(LiveConfig.fixed(TrailwatchConfig.EMPTY, c -> new Tuned(c, detector, Suppressions.NONE), log),
        publisher, minimum, Clock.systemUTC(), log);
  }

  /** Read the configuration again at the next event (after a SnapStart restore). */
  public void configurationMayBeStale() {
    engine.expire();
  }

  /** The result of one event: how many findings were published, or why the event was rejected. */
  public record Outcome(String eventId, int published, int belowMinimum, String rejected) {}

  /**
   * Runs the whole path of an event except publishing, so that everything the first event needs (the
   * JSON databinding, the Event Ruler machine, the conditions, finding serialisation) is loaded and
   * initialised; SnapStart calls it before the snapshot, so a restored function handles its first event
   * warm. Returns how many findings the sample gave.
   */
  public int prime(JsonNode sample) {
    engine.get().detector().warm();
    List<Finding> findings = engine.get().detector().evaluate(EventValidator.toEvent(sample));
    for (Finding finding : findings) {
      io.trailwatch.core.finding.FindingJson.toJson(finding);
    }
    return findings.size();
  }

  public Outcome handle(JsonNode input) {
    String id = input != null && input.hasNonNull("id") ? input.get("id").asText() : null;
    AwsEvent event;
    try {
      if (input == null) {
        throw new BadRecordException("the input is not JSON");
      }
      event = EventValidator.toEvent(input);
    } catch (BadRecordException e) {
      log.warn("event rejected", "eventId", id, "reason", e.getMessage());
      return new Outcome(id, 0, 0, e.getMessage());
    }
    Tuned.Judgement judged = engine.get().judge(event, clock.instant());
    for (Tuned.Hidden h : judged.hidden()) {
      log.info("finding suppressed", "suppression", h.by().id(), "ruleId", h.finding().ruleId(),
          "findingId", h.finding().id(), "eventId", h.finding().eventId(), "owner", h.by().owner(),
          "expires", h.by().expires().toString());
    }
    for (Tuned.Unhidden u : judged.unhidden()) {
      log.warn("suppression expired; finding sent", "suppression", u.expired().id(), "ruleId",
          u.finding().ruleId(), "findingId", u.finding().id(), "owner", u.expired().owner(),
          "expired", u.expired().expires().toString());
    }
    List<Finding> all = judged.findings();
    List<Finding> kept =
        all.stream().filter(f -> Severity.valueOf(f.severity()).compareTo(minimum) >= 0).toList();
    if (!kept.isEmpty()) {
      publisher.publish(kept);
    }
    for (Finding f : kept) {
      log.info("finding published", "findingId", f.id(), "ruleId", f.ruleId(), "severity", f.severity(),
          "eventId", f.eventId());
    }
    return new Outcome(event.eventId(), kept.size(), all.size() - kept.size(), null);
  }
}
