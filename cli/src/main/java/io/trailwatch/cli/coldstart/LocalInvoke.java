package io.trailwatch.cli.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.trailwatch.aws.lambda.LocalContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cold-start probe run in a fresh JVM: loads a handler class the way Lambda's Java runtime does (by
 * name, no-arg constructor), hands it one event, then says so on stdout. The parent process times from
 * starting the JVM to that line: JVM start, class loading, init and the first event, as a cold Lambda
 * invocation pays them.
 */
public final class LocalInvoke {
  static final String DONE = "FIRST-EVENT-HANDLED";

  private LocalInvoke() {}

  public static void main(String[] args) throws Exception {
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
      handler.handleRequest(in, out, new LocalContext("coldstart", 60, System.err));
    }
    System.out.println(DONE + " " + out.size());
    System.out.flush();
  }
}
