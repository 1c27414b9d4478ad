package io.trailwatch.core.port;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.finding.FindingJson;
import java.io.PrintStream;

/**
 * The first destination: one JSON line per alert on the function's log (CloudWatch Logs in Lambda, the
 * console locally), so an alert is never only in a queue. JSON encoding escapes everything the event
 * supplied; a log line cannot be forged with a newline in a user agent.
 */
public final class LogChannel implements AlertChannel {
  private final PrintStream out;

  public LogChannel(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void deliver(Finding finding) {
    ObjectNode line = Json.MAPPER.createObjectNode();
    line.put("level", "WARN");
    line.put("message", "alert");
    line.set("finding", FindingJson.toTree(finding));
    try {
      out.println(Json.MAPPER.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      throw new DeliveryException("the finding could not be written as JSON", true, e);
    }
  }
}
