package io.trailwatch.core.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.finding.FindingJson;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.port.DeliveryException;
import io.trailwatch.core.port.DedupStore;
import io.trailwatch.core.port.DeliveryLedger;
import io.trailwatch.core.port.LedgerUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;

/**
 * What the router function does with a batch of queued findings: deliver each to every channel, and
 * report the ones that must come back. A transient failure of any channel sends that message back to the
 * queue (partial batch failure); after the queue's maximum receives it goes to the dead-letter queue and
 * its alarm. A permanent failure, or a message that is not a finding, is logged and not retried. Each
 * success is recorded in the {@link DeliveryLedger}, so a message that comes back skips the channels
 * that already took it: nothing lost, nothing sent twice.
 */
public final class RouteService {
  private final List<AlertChannel> channels;
  private final DeliveryLedger ledger;
  private final DedupStore dedup;
  private final OpsLog log;

  private final StormDigest storms;

  /**
   * @param digestThreshold alerts of one rule in one account within its window before the rest are sent
   *     as digests; 0 turns digests off
   */
  public RouteService(
      List<AlertChannel> channels, DeliveryLedger ledger, DedupStore dedup, int digestThreshold, OpsLog log) {
    this.channels = List.copyOf(channels);
    this.ledger = ledger;
    this.dedup = dedup;
    this.log = log;
    this.storms = new StormDigest(dedup, digestThreshold, log);
  }

  public RouteService(List<AlertChannel> channels, DeliveryLedger ledger, DedupStore dedup, OpsLog log) {
    this(channels, ledger, dedup, 0, log);
  }

  public RouteService(List<AlertChannel> channels, DeliveryLedger ledger, OpsLog log) {
    this(channels, ledger, DedupStore.NONE, log);
  }

  public RouteService(List<AlertChannel> channels, OpsLog log) {
    this(channels, DeliveryLedger.NONE, log);
  }

  /** One queued message: its id (for the batch response) and its body (a finding as JSON). */
  public record Message(String id, String body) {}

  /** Delivers the batch; returns the ids of the messages to retry. */
  public List<String> handle(List<Message> batch) {
    Map<String, Finding> byMessage = new LinkedHashMap<>();
    for (Message message : batch) {
      Finding finding;
      try {
        finding = FindingJson.fromTree(Json.MAPPER.readTree(message.body()));
      } catch (JsonProcessingException e) {
        log.error("message is not a finding; dropped", "messageId", message.id(),
            "reason", e.getOriginalMessage());
        continue;
      } catch (IllegalArgumentException e) {
        log.error("message is not a finding; dropped", "messageId", message.id(), "reason", e.getMessage());
        continue;
      }
      if (!repeats(finding, message.id())) {
        byMessage.put(message.id(), finding);
      }
    }
    return process(byMessage);
  }

  /**
   * Delivers findings that did not come through a queue (a local scan): the same dedup windows, digests,
   * ledger and channels as a batch from the queue.
   *
   * @return the ids of the findings a destination failed to take
   */
  public List<String> deliverFindings(List<Finding> findings) {
    Map<String, Finding> byId = new LinkedHashMap<>();
    for (Finding finding : findings) {
      if (!repeats(finding, null)) {
        byId.put(finding.id(), finding);
      }
    }
    return process(byId);
  }

  /** Digests, delivery and the batch response for findings keyed by the message they came in. */
  private List<String> process(Map<String, Finding> byMessage) {
    StormDigest.Plan plan = storms.plan(new ArrayList<>(byMessage.values()));
    Map<String, Finding> toSend = new LinkedHashMap<>();
    Map<String, List<String>> messagesOf = new HashMap<>();
    byMessage.forEach((messageId, finding) ->
        messagesOf.computeIfAbsent(finding.id(), k -> new ArrayList<>()).add(messageId));
    for (Finding finding : plan.individual()) {
      toSend.put(messagesOf.get(finding.id()).get(0), finding);
    }
    plan.digests().forEach((digest, held) -> {
      toSend.put("digest:" + digest.id(), digest);
      for (Finding f : held) {
        messagesOf.computeIfAbsent(digest.id(), k -> new ArrayList<>()).addAll(messagesOf.get(f.id()));
      }
    });
    Set<String> failedFindings = deliverAll(toSend);
    Set<String> retry = new HashSet<>();
    for (String findingId : failedFindings) {
      retry.addAll(messagesOf.getOrDefault(findingId, List.of()));
    }
    // In the batch's order; a duplicate message of a finding that failed comes back too.
    List<String> ordered = new ArrayList<>();
    byMessage.forEach((messageId, finding) -> {
      if (retry.contains(messageId) || failedFindings.contains(finding.id())) {
        ordered.add(messageId);
      }
    });
    return ordered;
  }

  /**
   * Hands each channel, in one call, the findings it has not taken yet (a channel with a batch API makes
   * one request for them all), then records the successes and sorts the failures.
   *
   * @return the ids of findings that failed transiently on some channel
   */
  private Set<String> deliverAll(Map<String, Finding> byMessage) {
    Set<String> retry = new HashSet<>();
    Map<String, String> messageOf = new HashMap<>();
    byMessage.forEach((messageId, finding) -> messageOf.put(finding.id(), messageId));
    for (AlertChannel channel : channels) {
      List<Finding> pending = new ArrayList<>();
      Set<String> queued = new HashSet<>();
      for (Finding finding : byMessage.values()) {
        if (!queued.add(finding.id())) {
          continue; // the same finding twice in one batch (SQS delivers at least once): deliver it once
        }
        if (alreadyDelivered(finding, channel)) {
          log.info("already delivered; skipped", "channel", channel.name(), "findingId", finding.id(),
              "messageId", messageOf.get(finding.id()));
        } else {
          pending.add(finding);
        }
      }
      if (pending.isEmpty()) {
        continue;
      }
      Map<String, DeliveryException> failed = channel.deliverAll(pending);
      for (Finding finding : pending) {
        DeliveryException e = failed.get(finding.id());
        if (e == null) {
          remember(finding, channel);
        } else if (e.permanent()) {
          log.error("delivery rejected; not retried", "channel", channel.name(), "findingId", finding.id(),
              "messageId", messageOf.get(finding.id()), "reason", e.getMessage());
        } else {
          retry.add(finding.id());
          log.warn("delivery failed; will retry", "channel", channel.name(), "findingId", finding.id(),
              "messageId", messageOf.get(finding.id()), "reason", e.getMessage());
        }
      }
    }
    return retry;
  }

  /**
   * True when the finding repeats one already alerted on within its rule's dedup window: it is counted,
   * logged with the count, and not sent. A store that cannot be reached lets the finding through.
   */
  private boolean repeats(Finding finding, String messageId) {
    if (finding.dedupKey() == null) {
      return false;
    }
    DedupStore.Occurrence occurrence;
    try {
      occurrence = record(dedup, finding.dedupKey(), finding);
    } catch (LedgerUnavailableException e) {
      log.warn("dedup state unavailable; delivering, a repeat alert is possible", "findingId", finding.id(),
          "reason", e.getMessage());
      return false;
    }
    if (!occurrence.opensWindow()) {
      log.info("repeat within the dedup window; counted, not sent", "findingId", finding.id(),
          "ruleId", finding.ruleId(), "dedupKey", finding.dedupKey(), "count", occurrence.count(),
          "firstSeen", occurrence.firstSeen(), "lastSeen", occurrence.lastSeen(), "messageId", messageId);
      for (AlertChannel channel : channels) {
        try {
          channel.repeated(finding, occurrence);
        } catch (DeliveryException e) {
          log.warn("repeat count not updated", "channel", channel.name(), "findingId", finding.id(),
              "reason", e.getMessage());
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Records a finding under a key in the finding's rule window, at the event's time (so a replay groups as
   * the live system did; an unreadable time counts as now).
   */
  static DedupStore.Occurrence record(DedupStore store, String key, Finding finding) {
    Instant at;
    try {
      at = finding.eventTime() == null ? Instant.now() : Instant.parse(finding.eventTime());
    } catch (DateTimeParseException e) {
      at = Instant.now();
    }
    return store.record(key, finding.id(), at, Duration.ofSeconds(finding.dedupWindowSeconds()));
  }

  /**
   * An unreadable ledger must not cost an alert: the channel is tried anyway, and a duplicate is the
   * price (logged), never a loss.
   */
  private boolean alreadyDelivered(Finding finding, AlertChannel channel) {
    try {
      return ledger.delivered(finding.id(), channel.name());
    } catch (LedgerUnavailableException e) {
      log.warn("delivery ledger unavailable; delivering anyway, a duplicate is possible",
          "channel", channel.name(), "findingId", finding.id(), "reason", e.getMessage());
      return false;
    }
  }

  private void remember(Finding finding, AlertChannel channel) {
    try {
      ledger.record(finding.id(), channel.name());
    } catch (LedgerUnavailableException e) {
      log.warn("delivery not recorded; a retry may deliver it again", "channel", channel.name(),
          "findingId", finding.id(), "reason", e.getMessage());
    }
  }
}
