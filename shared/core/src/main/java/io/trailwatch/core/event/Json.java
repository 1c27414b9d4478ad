package io.trailwatch.core.event;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one shared {@link ObjectMapper} and the dotted-path navigation every part of the engine uses, so a
 * rule's {@code detail.requestParameters.userName} means the same thing in a title template, a condition
 * and a resource extractor.
 */
public final class Json {
  /** Thread-safe once configured; building mappers is expensive, so there is exactly one. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads one whole value and rejects anything after it: a JSON Lines line must be exactly one event. */
  public static final ObjectReader ONE_VALUE =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static {
    // CloudTrail caps an event at 256 KB; these bounds only stop pathological input from exhausting memory.
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(16_000_000).build());
  }

  private Json() {}

  /** Dotted paths split once: rules name a few hundred, and every finding and state key reads them. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String[]> STEPS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Follows a dotted path through objects; a missing step gives {@link MissingNode}, never null. A path
   * may name alternatives, {@code a.b|c.d}: the first present one is followed (CloudTrail names the same
   * document differently in different calls: {@code policyDocument}, {@code assumeRolePolicyDocument}).
   */
  public static JsonNode at(JsonNode root, String dottedPath) {
    int bar = dottedPath.indexOf('|');
    if (bar >= 0) {
      JsonNode first = at(root, dottedPath.substring(0, bar));
      return first.isMissingNode() ? at(root, dottedPath.substring(bar + 1)) : first;
    }
    return follow(root, steps(dottedPath), 0);
  }

  /** The steps of a dotted path without alternatives, split once. */
  static String[] steps(String dottedPath) {
    String[] steps = STEPS.get(dottedPath);
    if (steps == null) {
      steps = dottedPath.split("\\.", -1);
      if (STEPS.size() < 10_000) { // paths come from rules, not events; the bound only guards misuse
        STEPS.put(dottedPath, steps);
      }
    }
    return steps;
  }

  /** Follows the steps from {@code from} on; a missing step gives {@link MissingNode}. */
  static JsonNode follow(JsonNode node, String[] steps, int from) {
    for (int i = from; i < steps.length; i++) {
      if (node == null || node.isMissingNode()) {
        break;
      }
      node = node.get(steps[i]);
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  /** The text of a scalar at the path, or null when it is absent, null or not a scalar. */
  public static String text(JsonNode root, String dottedPath) {
    JsonNode node = at(root, dottedPath);
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /**
   * Every scalar reached by the path, descending into arrays at any step, as EventBridge patterns do:
   * {@code detail.ipPermissions.items.ipRanges.items.cidrIp} yields each CIDR of each permission.
   */
  public static List<JsonNode> all(JsonNode root, String dottedPath) {
    List<JsonNode> out = new ArrayList<>();
    for (String alternative : dottedPath.split("\\|")) {
      collect(root, steps(alternative), 0, out);
    }
    return out;
  }

  private static void collect(JsonNode node, String[] steps, int i, List<JsonNode> out) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, steps, i, out);
      }
      return;
    }
    if (i == steps.length) {
      out.add(node);
      return;
    }
    collect(node.get(steps[i]), steps, i + 1, out);
  }
}
