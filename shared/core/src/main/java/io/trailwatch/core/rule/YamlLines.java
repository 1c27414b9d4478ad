package io.trailwatch.core.rule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps each top-level key of a YAML document to its line, so an error in a rule file says where to look.
 * The tree model forgets locations; one cheap streaming pass keeps them.
 */
final class YamlLines {
  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlLines() {}

  static Map<String, Integer> topLevelKeys(String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      int depth = 0;
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        } else if (t == JsonToken.FIELD_NAME && depth == 1) {
          lines.putIfAbsent(parser.currentName(), parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      // The caller reports the parse error itself; missing lines only make messages less precise.
    }
    return lines;
  }
}
