package io.trailwatch.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.trailwatch.aws.DetectWiring;
import io.trailwatch.aws.RouteWiring;
import io.trailwatch.aws.lambda.LocalContext;
import io.trailwatch.functions.detect.DetectHandler;
import io.trailwatch.functions.route.RouteHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a function's handler in this process on one event, as Lambda would: the event as a stream,"
          + " a Context, the function's log and its response printed. For people without Docker or SAM CLI.",
      "The environment is the function's: TRAILWATCH_FINDINGS_QUEUE_URL, AWS_REGION, AWS_ENDPOINT_URL_SQS..."
          + " With no queue configured, the detector prints the findings it would queue.",
      "Exit 0 when the handler returned, 1 when it threw (Lambda would retry), 2 on usage errors."
    })
final class InvokeCommand implements Callable<Integer> {
  @Option(names = "--function", required = true, paramLabel = "NAME", description = "detect or route.")
  String function;

  @Option(names = "--event", required = true, paramLabel = "FILE", description = "The event, as Lambda receives it.")
  Path event;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = new HashMap<>(Main.environment);
    env.put(DetectWiring.LOCAL, "1");
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);
    RequestStreamHandler handler;
    switch (function) {
      case "detect" -> handler = new DetectHandler(DetectWiring.detectService(env, log));
      case "route" -> handler = new RouteHandler(RouteWiring.routeService(env, log));
      default -> {
        System.err.println("trailwatch: --function " + function + ": use detect or route");
        return Main.EXIT_USAGE;
      }
    }
    LocalContext context = new LocalContext("trailwatch-" + function, 60, log);
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    System.out.println("START RequestId: " + context.getAwsRequestId());
    int code = 0;
    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(event)) {
      handler.handleRequest(in, response, context);
    } catch (NoSuchFileException e) {
      System.err.println("trailwatch: " + event + ": no such file");
      return Main.EXIT_USAGE;
    } catch (RuntimeException e) {
      log.println("{\"level\":\"ERROR\",\"message\":\"invocation failed\",\"error\":\""
          + e.getClass().getSimpleName() + "\"}");
      System.err.println("trailwatch: the invocation failed: " + Main.oneLine(e));
      code = Main.EXIT_TEST_FAILED;
    }
    System.out.print(logged.toString(StandardCharsets.UTF_8));
    System.out.printf("END RequestId: %s (%.0f ms)%n", context.getAwsRequestId(), (System.nanoTime() - start) / 1e6);
    if (code == 0) {
      System.out.println(response.toString(StandardCharsets.UTF_8));
    }
    return code;
  }
}
