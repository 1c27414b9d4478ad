package io.trailwatch.core.tuning;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trailwatch.core.condition.EvaluationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tuning configuration ({@code trailwatch.yaml}, a rule's {@code tests/tuning.yaml}). For now it
 * holds the named allowlists that conditions consult; suppressions, overrides and routing join it later
 * under their own keys. Unknown keys are errors that name the line, so a typo never silently disables a
 * list.
 *
 * <pre>{@code
 * allowlists:
 *   deployers:
 *     - arn:aws:iam::111122223333:role/github-actions-deploy
 * }</pre>
 */
public final class TuningLoader {
  private static final YAMLFactory YAML = new YAMLFactory();

  private TuningLoader() {}

  public static EvaluationContext load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new TuningException(file + ": cannot read: " + e.getMessage());
    }
  }

  public static EvaluationContext parse(String text, String where) {
    Map<String, List<String>> allowlists = new LinkedHashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return EvaluationContext.EMPTY;
      }
      expect(p, t, JsonToken.START_OBJECT, where, "the configuration must be a mapping");
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = p.currentTokenLocation().getLineNr();
        if (!key.equals("allowlists")) {
          throw new TuningException(where + ":" + line + ": unknown key '" + key + "'; known keys: [allowlists]");
        }
        expect(p, p.nextToken(), JsonToken.START_OBJECT, where, "'allowlists' maps a list name to ARN patterns");
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          expect(p, p.nextToken(), JsonToken.START_ARRAY, where, "allowlist '" + name + "' must be a list");
          List<String> entries = new ArrayList<>();
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(p, t, JsonToken.VALUE_STRING, where, "allowlist '" + name + "' entries must be texts");
            entries.add(p.getText());
          }
          allowlists.put(name, List.copyOf(entries));
        }
      }
    } catch (IOException e) {
      throw new TuningException(where + ": not valid YAML: " + e.getMessage());
    }
    return new EvaluationContext(Map.copyOf(allowlists));
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken wanted, String where, String message) {
    if (actual != wanted) {
      throw new TuningException(where + ":" + p.currentTokenLocation().getLineNr() + ": " + message);
    }
  }
}
