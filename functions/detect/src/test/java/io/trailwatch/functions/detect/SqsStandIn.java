package io.trailwatch.functions.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.trailwatch.core.event.Json;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Makes WireMock answer SendMessageBatch the way SQS does, with the MD5 digests of each message body and
 * attributes that the SDK checks on every response (a reply without them fails the call, as it should).
 * Entries whose body contains {@value #REJECT_MARKER} are reported as failed, for partial-failure tests.
 */
final class SqsStandIn implements ResponseTransformerV2 {
  static final String NAME = "sqs-send-message-batch";
  static final String REJECT_MARKER = "reject-me";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    try {
      JsonNode request = Json.MAPPER.readTree(serveEvent.getRequest().getBodyAsString());
      ObjectNode reply = Json.MAPPER.createObjectNode();
      ArrayNode ok = reply.putArray("Successful");
      ArrayNode failed = reply.putArray("Failed");
      for (JsonNode entry : request.path("Entries")) {
        String body = entry.path("MessageBody").asText();
        if (body.contains(REJECT_MARKER)) {
          failed.addObject().put("Id", entry.path("Id").asText()).put("SenderFault", false)
              .put("Code", "InternalError").put("Message", "simulated failure");
          continue;
        }
        ObjectNode result = ok.addObject();
        result.put("Id", entry.path("Id").asText());
        result.put("MessageId", java.util.UUID.randomUUID().toString());
        result.put("MD5OfMessageBody", md5(body.getBytes(StandardCharsets.UTF_8)));
        if (entry.has("MessageAttributes")) {
          result.put("MD5OfMessageAttributes", attributesMd5(entry.get("MessageAttributes")));
        }
      }
      return Response.Builder.like(response)
          .but()
          .headers(response.getHeaders().plus(new com.github.tomakehurst.wiremock.http.HttpHeader("Content-Type", "application/x-amz-json-1.0")))
          .body(Json.MAPPER.writeValueAsString(reply))
          .build();
    } catch (Exception e) {
      throw new IllegalStateException("the SQS stand-in could not answer", e);
    }
  }

  /** SQS's digest of message attributes: sorted by name, each part length-prefixed. */
  static String attributesMd5(JsonNode attributes) throws Exception {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = attributes.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    names.sort(null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String name : names) {
      JsonNode value = attributes.get(name);
      lengthPrefixed(bytes, name);
      lengthPrefixed(bytes, value.path("DataType").asText());
      bytes.write(1);
      lengthPrefixed(bytes, value.path("StringValue").asText());
    }
    return md5(bytes.toByteArray());
  }

  private static void lengthPrefixed(ByteArrayOutputStream out, String text) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(data);
  }

  static String md5(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
  }

}
