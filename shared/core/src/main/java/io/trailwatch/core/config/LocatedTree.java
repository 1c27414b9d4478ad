package io.trailwatch.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML (or JSON) document as a tree that remembers the line of every value, so a configuration error
 * says "line 14" rather than "somewhere in suppressions". Jackson's tree model forgets locations; this
 * builds the tree itself in one streaming pass and keeps them, keyed by JSON Pointer
 * ({@code /suppressions/0/owner}).
 *
 * <p>A document that starts with <code>{</code> is read as JSON: a Lambda function reading its
 * configuration from Parameter Store then needs no YAML parser, which costs a cold start about 250 ms.
 */
final class LocatedTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final JsonNode root;
  private final Map<String, Integer> lines;

  private LocatedTree(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /** Thrown with the line of the syntax error. */
  static final class SyntaxError extends Exception {
    final int line;

    SyntaxError(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private static final class Factories {
    static final YAMLFactory YAML = new YAMLFactory();
    static final JsonFactory JSON = new JsonFactory();
  }

  static LocatedTree parse(String text) throws SyntaxError {
    boolean json = text.stripLeading().startsWith("{");
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = json ? Factories.JSON.createParser(text) : Factories.YAML.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new LocatedTree(NODES.objectNode(), lines);
      }
      JsonNode root = read(p, t, "", lines);
      if (p.nextToken() != null) {
        throw new SyntaxError(p.currentTokenLocation().getLineNr(), "more than one document");
      }
      return new LocatedTree(root, lines);
    } catch (JsonParseProblem e) {
      throw new SyntaxError(e.line, e.getMessage());
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SyntaxError(line, "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SyntaxError(0, "cannot be read: " + e.getMessage());
    }
  }

  private static JsonNode read(JsonParser p, JsonToken t, String pointer, Map<String, Integer> lines)
      throws IOException {
    lines.put(pointer, p.currentTokenLocation().getLineNr());
    switch (t) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
          int keyLine = p.currentTokenLocation().getLineNr();
          JsonNode value = read(p, p.nextToken(), child, lines);
          lines.put(child, keyLine);
          if (object.has(name)) {
            throw new JsonParseProblem(keyLine, "key '" + name + "' appears twice");
          }
          object.set(name, value);
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          array.add(read(p, t, pointer + "/" + i++, lines));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new JsonParseProblem(p.currentTokenLocation().getLineNr(), "unexpected " + t);
    }
  }

  /** A structural problem found while building the tree (a duplicate key). */
  static final class JsonParseProblem extends IOException {
    final int line;

    JsonParseProblem(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  /** The line of the value at the pointer, or of its nearest ancestor that has one. */
  int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return 1;
      }
      p = p.substring(0, slash);
    }
  }
}
