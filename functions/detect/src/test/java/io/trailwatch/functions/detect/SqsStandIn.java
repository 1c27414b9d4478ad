package io.trailwatch.functions.detect;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.trailwatch.aws.sqs.LocalSqs;
import io.trailwatch.core.event.Json;

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
      byte[] reply = LocalSqs.answer(Json.MAPPER.readTree(serveEvent.getRequest().getBodyAsString()),
          body -> body.contains(REJECT_MARKER));
      return Response.Builder.like(response)
          .but()
          .headers(response.getHeaders().plus(new HttpHeader("Content-Type", "application/x-amz-json-1.0")))
          .body(reply)
          .build();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the SQS stand-in could not answer", e);
    }
  }
}
