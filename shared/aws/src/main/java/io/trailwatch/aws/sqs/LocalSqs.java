package io.trailwatch.aws.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.trailwatch.core.event.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for SQS (and SNS's Publish, IAM's ListRoleTags) on the loopback interface, answering SendMessageBatch as SQS
 * does (with the MD5 digests the SDK verifies), so {@code trailwatch coldstart} makes its real calls
 * without an AWS account.
 * {@link #answer} is also what the handler tests' WireMock stand-in replies with.
 */
public final class LocalSqs implements AutoCloseable {
  private static final String SNS_PUBLISHED =
      "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
          + "<MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult><ResponseMetadata>"
          + "<RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>";

  private static final String IAM_TAGS =
      "<ListRoleTagsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListRoleTagsResult>"
          + "<IsTruncated>false</IsTruncated><Tags><member><Key>owner</Key><Value>platform-team</Value></member>"
          + "</Tags></ListRoleTagsResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
          + "</ListRoleTagsResponse>";

  private final HttpServer server;
  private final AtomicInteger messages = new AtomicInteger();

  public LocalSqs() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      byte[] reply;
      String type = "application/x-amz-json-1.0";
      byte[] request = exchange.getRequestBody().readAllBytes();
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      try {
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
          // SNS speaks the query protocol: a form in, XML out.
          String form = new String(request, StandardCharsets.UTF_8);
          type = "text/xml";
          if (form.contains("Action=ListRoleTags") || form.contains("Action=ListUserTags")) {
            reply = IAM_TAGS.getBytes(StandardCharsets.UTF_8);
          } else {
            messages.incrementAndGet();
            reply = SNS_PUBLISHED.getBytes(StandardCharsets.UTF_8);
          }
        } else {
          reply = answer(Json.MAPPER.readTree(request), body -> false);
          messages.addAndGet(countEntries(reply));
        }
      } catch (RuntimeException e) {
        reply = "{}".getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(200, reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int messages() {
    return messages.get();
  }

  private static int countEntries(byte[] reply) throws IOException {
    return Json.MAPPER.readTree(reply).path("Successful").size();
  }

  /**
   * SQS's reply to a SendMessageBatch request: each entry successful, with its digests, unless
   * {@code fails} says the entry's body must be reported as failed (for partial-failure tests).
   */
  public static byte[] answer(JsonNode request, Predicate<String> fails) throws IOException {
    ObjectNode reply = Json.MAPPER.createObjectNode();
    ArrayNode ok = reply.putArray("Successful");
    ArrayNode failed = reply.putArray("Failed");
    for (JsonNode entry : request.path("Entries")) {
      if (fails.test(entry.path("MessageBody").asText())) {
        failed.addObject().put("Id", entry.path("Id").asText()).put("SenderFault", false)
            .put("Code", "InternalError").put("Message", "simulated failure");
        continue;
      }
      ObjectNode result = ok.addObject();
      result.put("Id", entry.path("Id").asText());
      result.put("MessageId", UUID.randomUUID().toString());
      result.put("MD5OfMessageBody", md5(entry.path("MessageBody").asText().getBytes(StandardCharsets.UTF_8)));
      if (entry.has("MessageAttributes")) {
        result.put("MD5OfMessageAttributes", attributesMd5(entry.get("MessageAttributes")));
      }
    }
    return Json.MAPPER.writeValueAsBytes(reply);
  }

  private static String attributesMd5(JsonNode attributes) {
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

  private static String md5(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
