package io.trailwatch.core.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.event.Json;
import java.io.PrintStream;

/**
 * The monitor's own log: one JSON object a line, which CloudWatch Logs Insights queries by field and a
 * crafted value from an event cannot break (JSON escapes newlines and quotes). Never a stack trace: an
 * operator needs the event id and the reason, and the exception's class.
 */
public final class OpsLog {
  private final PrintStream out;

  public OpsLog(PrintStream out) {
    this.out = out;
  }

  public void info(String message, Object... fields) {
    write("INFO", message, fields);
  }

  public void warn(String message, Object... fields) {
    write("WARN", message, fields);
  }

  public void error(String message, Object... fields) {
    write("ERROR", message, fields);
  }

  /** Fields come in pairs: name, value. */
  private void write(String level, String message, Object... fields) {
    ObjectNode line = Json.MAPPER.createObjectNode();
    line.put("level", level);
    line.put("message", message);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      Object value = fields[i + 1];
      if (value instanceof java.util.Collection<?> list) {
        var array = line.putArray(String.valueOf(fields[i]));
        list.forEach(v -> array.add(String.valueOf(v)));
      } else if (value instanceof Number n) {
        line.put(String.valueOf(fields[i]), n.longValue());
      } else {
        line.put(String.valueOf(fields[i]), value == null ? null : String.valueOf(value));
      }
    }
    try {
      out.println(Json.MAPPER.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      out.println("{\"level\":\"ERROR\",\"message\":\"log line could not be written\"}");
    }
  }
}
