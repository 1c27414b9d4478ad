package io.trailwatch.core.finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.event.Principal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finding format, written and read field by field. It is a contract with tools outside the project
 * (DESIGN.md: extend, never rename or drop), so its order and names are spelled out here rather than
 * left to reflection; and doing without Jackson's bean introspection saves the functions tens of
 * milliseconds of cold start.
 */
public final class FindingJson {
  private FindingJson() {}

  public static ObjectNode toTree(Finding f) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("id", f.id());
    o.put("ruleId", f.ruleId());
    o.put("title", f.title());
    o.put("category", f.category());
    o.put("severity", f.severity());
    o.put("status", f.status());
    o.put("eventId", f.eventId());
    o.put("eventTime", f.eventTime());
    o.put("eventSource", f.eventSource());
    o.put("eventName", f.eventName());
    o.put("account", f.account());
    o.put("region", f.region());
    if (f.principal() == null) {
      o.putNull("principal");
    } else {
      ObjectNode p = o.putObject("principal");
      p.put("arn", f.principal().arn());
      p.put("type", f.principal().type());
      if (f.principal().mfa() == null) {
        p.putNull("mfa");
      } else {
        p.put("mfa", f.principal().mfa());
      }
    }
    o.put("sourceIp", f.sourceIp());
    o.put("userAgent", f.userAgent());
    ArrayNode resources = o.putArray("resources");
    for (Finding.Resource r : f.resources()) {
      resources.addObject().put("type", r.type()).put("id", r.id());
    }
    strings(o.putArray("attack"), f.attack());
    ObjectNode compliance = o.putObject("compliance");
    f.compliance().forEach((framework, refs) -> strings(compliance.putArray(framework), refs));
    o.put("runbook", f.runbook());
    o.put("ruleTitle", f.ruleTitle());
    o.put("description", f.description());
    o.put("dedupKey", f.dedupKey());
    o.put("dedupWindowSeconds", f.dedupWindowSeconds());
    strings(o.putArray("firstSteps"), f.firstSteps() == null ? List.of() : f.firstSteps());
    return o;
  }

  public static String toJson(Finding f) {
    return toTree(f).toString();
  }

  /**
   * Reads a finding written by {@link #toJson}; unknown fields are ignored, so a newer writer's
   * additions do not break an older reader.
   *
   * @throws IllegalArgumentException when the JSON is not a finding (no id or rule id)
   */
  public static Finding fromTree(JsonNode o) {
    if (!o.isObject() || !o.path("id").isTextual() || !o.path("ruleId").isTextual()) {
      throw new IllegalArgumentException("not a finding: it needs a text 'id' and 'ruleId'");
    }
    JsonNode p = o.get("principal");
    Principal principal = null;
    if (p != null && p.isObject()) {
      JsonNode mfa = p.get("mfa");
      principal = new Principal(text(p, "arn"), text(p, "type"),
          mfa == null || mfa.isNull() ? null : mfa.asBoolean());
    }
    List<Finding.Resource> resources = new ArrayList<>();
    for (JsonNode r : o.path("resources")) {
      resources.add(new Finding.Resource(text(r, "type"), text(r, "id")));
    }
    Map<String, List<String>> compliance = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.path("compliance").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      compliance.put(e.getKey(), list(e.getValue()));
    }
    return new Finding(text(o, "id"), text(o, "ruleId"), text(o, "title"), text(o, "category"),
        text(o, "severity"), text(o, "status"), text(o, "eventId"), text(o, "eventTime"),
        text(o, "eventSource"), text(o, "eventName"), text(o, "account"), text(o, "region"), principal,
        text(o, "sourceIp"), text(o, "userAgent"), resources, list(o.path("attack")), compliance,
        text(o, "runbook"), text(o, "ruleTitle"), text(o, "description"), text(o, "dedupKey"),
        o.path("dedupWindowSeconds").asLong(Finding.DEFAULT_DEDUP_WINDOW_SECONDS), list(o.path("firstSteps")));
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> list(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
