package io.trailwatch.functions.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.aws.lambda.LocalContext;
import io.trailwatch.core.event.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** What every router test starts from: the function's environment and one invocation as Lambda makes it. */
final class RouteTests {
  private RouteTests() {}

  /** Region and (documentation) credentials, as Lambda sets them; tests add endpoints and settings. */
  static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    return env;
  }

  /** Runs the handler on an SQS event and returns its partial batch response. */
  static JsonNode invoke(RouteHandler handler, byte[] event) throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), response, new LocalContext("trailwatch-route", 60, System.err));
    return Json.MAPPER.readTree(response.toByteArray());
  }
}
