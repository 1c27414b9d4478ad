package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;

/** Builds a condition the way the rule loader does: from its YAML/JSON form, through the vocabulary. */
final class ConditionFixture {
  private ConditionFixture() {}

  static Condition build(String json) {
    try {
      JsonNode spec = Json.MAPPER.readTree(json);
      return ConditionVocabulary.standard().build(spec);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
