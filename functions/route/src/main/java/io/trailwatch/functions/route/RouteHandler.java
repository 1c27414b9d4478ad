package io.trailwatch.functions.route;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.aws.RouteWiring;
import io.trailwatch.core.config.LiveConfig;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.service.OpsLog;
import io.trailwatch.core.service.RouteService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The router function: a batch of queued findings in (an SQS event), a partial batch response out. Only
 * the messages listed in {@code batchItemFailures} come back to the queue, so one failing destination
 * never makes the rest of the batch be delivered twice ({@code ReportBatchItemFailures} in template.yaml).
 * Each invocation asks the live configuration for the router: after its time to live, the Parameter Store
 * parameter is read again and, when it changed, the routes are rebuilt (the clients are not).
 */
public final class RouteHandler implements RequestStreamHandler {
  private final LiveConfig<RouteService> service;

  public RouteHandler() {
    this(RouteWiring.routeService(System.getenv(), System.out));
  }

  /** @param service the router as the current configuration shapes it, rebuilt when that changes */
  public RouteHandler(LiveConfig<RouteService> service) {
    this.service = service;
  }

  /** A router with no configuration. */
  public RouteHandler(RouteService service) {
    this(LiveConfig.fixed(TrailwatchConfig.EMPTY, c -> service, new OpsLog(System.out)));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event = Json.MAPPER.readTree(input);
    List<RouteService.Message> batch = new ArrayList<>();
    for (JsonNode record : event.path("Records")) {
      batch.add(new RouteService.Message(record.path("messageId").asText(), record.path("body").asText()));
    }
    List<String> retry = service.get().handle(batch);
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode failures = response.putArray("batchItemFailures");
    for (String id : retry) {
      failures.addObject().put("itemIdentifier", id);
    }
    Json.MAPPER.writeValue(output, response);
  }
}
