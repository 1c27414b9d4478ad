package io.trailwatch.functions.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.aws.RouteWiring;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.port.DeliveryException;
import io.trailwatch.core.port.LogChannel;
import io.trailwatch.core.service.OpsLog;
import io.trailwatch.core.service.RouteService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router handler fed an SQS event exactly as Lambda's SQS event source delivers it. */
class RouteHandlerTest {
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

  static String finding(String id, String ruleId, String userAgent) {
    return """
        {"id":"%s","ruleId":"%s","title":"t","category":"audit","severity":"HIGH","status":"stable",
         "eventId":"e-%s","eventTime":"2026-03-14T09:21:37Z","eventSource":"cloudtrail.amazonaws.com",
         "eventName":"StopLogging","account":"111122223333","region":"us-east-1",
         "principal":{"arn":"arn:aws:iam::111122223333:user/mallory","type":"IAMUser","mfa":false},
         "sourceIp":"198.51.100.77","userAgent":%s,"resources":[],"attack":["T1562.008"],
         "compliance":{"cis_aws":["4.5"]},"runbook":"r.md","ruleTitle":"T","description":"D","dedupKey":"k"}
        """.formatted(id, ruleId, id, quoted(userAgent));
  }

  static String quoted(String text) {
    try {
      return Json.MAPPER.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static byte[] sqsEvent(String... bodies) throws IOException {
    ObjectNode event = Json.MAPPER.createObjectNode();
    ArrayNode records = event.putArray("Records");
    int i = 0;
    for (String body : bodies) {
      i++;
      ObjectNode r = records.addObject();
      r.put("messageId", "msg-" + i);
      r.put("receiptHandle", "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a" + i);
      r.put("body", body);
      r.putObject("attributes").put("ApproximateReceiveCount", "1").put("SentTimestamp", "1773480097000")
          .put("SenderId", "AROAEXAMPLE:trailwatch-detect").put("ApproximateFirstReceiveTimestamp", "1773480097010");
      r.putObject("messageAttributes");
      r.put("md5OfBody", "0");
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", "arn:aws:sqs:us-east-1:111122223333:trailwatch-findings");
      r.put("awsRegion", "us-east-1");
    }
    return Json.MAPPER.writeValueAsBytes(event);
  }

  @Test
  void deliversEveryFindingToTheLogAndReportsNoFailure() throws IOException {
    RouteHandler handler = new RouteHandler(RouteWiring.routeService(Map.of(), out));

    JsonNode response = RouteTests.invoke(handler, sqsEvent(finding("f1", "cloudtrail_logging_stopped", "aws-cli/2"),
        finding("f2", "kms_key_disabled_or_scheduled_for_deletion", "evil\n{\"level\":\"INFO\"}")));

    assertThat(response.path("batchItemFailures").size()).isZero();
    List<JsonNode> alerts = new ArrayList<>();
    for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
      alerts.add(Json.MAPPER.readTree(line));
    }
    assertThat(alerts).extracting(a -> a.path("finding").path("id").asText()).containsExactly("f1", "f2");
    assertThat(alerts.get(1).path("finding").path("userAgent").asText())
        .as("a newline from an event stays inside its JSON string").isEqualTo("evil\n{\"level\":\"INFO\"}");
  }

  @Test
  void onlyTheFindingAChannelFailedOnComesBack() throws IOException {
    AlertChannel flaky = new AlertChannel() {
      @Override
      public String name() {
        return "flaky";
      }

      @Override
      public void deliver(Finding finding) {
        if (finding.id().equals("f2")) {
          throw new DeliveryException("HTTP 503", false);
        }
        if (finding.id().equals("f3")) {
          throw new DeliveryException("HTTP 404 channel_not_found", true);
        }
      }
    };
    RouteHandler handler = new RouteHandler(new RouteService(List.of(new LogChannel(out), flaky), new OpsLog(out)));

    JsonNode response = RouteTests.invoke(handler, sqsEvent(finding("f1", "a_rule", "ua"), finding("f2", "a_rule", "ua"),
        finding("f3", "a_rule", "ua"), "this is not a finding"));

    assertThat(response.path("batchItemFailures")).extracting(f -> f.path("itemIdentifier").asText())
        .containsExactly("msg-2");
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("delivery failed; will retry").contains("delivery rejected; not retried")
        .contains("message is not a finding; dropped").contains("\"messageId\":\"msg-4\"");
  }
}
