package io.trailwatch.cli.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The JVM floor: a handler that reads its event and answers, nothing else. */
public final class HelloHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    input.readAllBytes();
    output.write("{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
