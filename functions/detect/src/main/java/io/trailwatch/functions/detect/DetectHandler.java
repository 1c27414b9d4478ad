package io.trailwatch.functions.detect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.aws.DetectWiring;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.service.DetectService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Core;
import org.crac.Resource;

/**
 * The detector function: one EventBridge event in, its findings on the findings queue. The event is read
 * as a stream with Jackson (not through the runtime's POJO serializer, which mangles EventBridge's
 * {@code detail-type}); everything else is {@link DetectService}.
 *
 * <p>Returns normally for an event it cannot read (logged with its id and reason: a retry would not
 * help) and throws when findings could not be queued, so Lambda's retries and the on-failure destination
 * keep the event.
 *
 * <p>SnapStart: the catalog, the Event Ruler machine and the SQS client are built in the constructor, so
 * they are in the snapshot; before the snapshot is taken, {@link #beforeCheckpoint} runs a sample event
 * through the detector (without publishing) so the classes and code paths of the first event are loaded
 * too. The SQS client's first call is not primed: it would send a message. A restored snapshot may be
 * days old, so {@link #afterRestore} has the configuration (Parameter Store) read again at the first event.
 */
public final class DetectHandler implements RequestStreamHandler, Resource {
  /** A sample that fires a rule, so priming walks the whole path including a finding's JSON. */
  static final String PRIMING_EVENT =
      "catalog/cloudtrail/cloudtrail_logging_stopped/tests/positive/sso_admin_stops_org_trail.json";

  private final DetectService service;

  /** What Lambda calls: built once per container, before the snapshot when SnapStart is on. */
  public DetectHandler() {
    this(DetectWiring.detectService(System.getenv(), System.out));
    Core.getGlobalContext().register(this);
  }

  public DetectHandler(DetectService service) {
    this.service = service;
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
    try (InputStream sample = DetectHandler.class.getClassLoader().getResourceAsStream(PRIMING_EVENT)) {
      if (sample != null) {
        service.prime(Json.MAPPER.readTree(sample));
      }
    }
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // The url-connection client opens connections per request: nothing to re-establish. The configuration
    // in the snapshot is as old as the published version: read it again at the first event.
    service.configurationMayBeStale();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event;
    try {
      event = Json.MAPPER.readTree(input);
    } catch (JsonProcessingException e) {
      event = null;
    }
    DetectService.Outcome outcome = service.handle(event);
    ObjectNode result = Json.MAPPER.createObjectNode();
    result.put("eventId", outcome.eventId());
    result.put("findings", outcome.published());
    result.put("belowMinimumSeverity", outcome.belowMinimum());
    if (outcome.rejected() != null) {
      result.put("rejected", outcome.rejected());
    }
    Json.MAPPER.writeValue(output, result);
  }
}
