package io.trailwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.cli.coldstart.HelloHandler;
import io.trailwatch.cli.coldstart.LocalInvoke;
import io.trailwatch.aws.sqs.LocalSqs;
import io.trailwatch.cli.coldstart.SdkFloorHandler;
import io.trailwatch.cli.coldstart.SnsFloorHandler;
import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.detect.Detector;
import io.trailwatch.core.event.EventValidator;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.RuleLoader;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "coldstart",
    mixinStandardHelpOptions = true,
    description = {
      "Measures each function's cold start: the time from starting a JVM to the first event handled, with"
          + " the JVM flags template.yaml sets, next to two floors measured in the same run: a hello-world"
          + " handler (the JVM floor) and a handler that builds the same SDK clients and makes the same"
          + " calls as the function (the SDK floor), its calls going to a local stand-in for SQS.",
      "Run from the repository root after mvn package (it needs functions/*/target/*.jar)."
    })
final class ColdStartCommand implements Callable<Integer> {
  /** The flags template.yaml sets in JAVA_TOOL_OPTIONS. */
  static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  @Option(names = "--runs", description = "JVMs started per variant (default: ${DEFAULT-VALUE}).")
  int runs = 7;

  @Option(names = "--functions", paramLabel = "DIR", description = "Where the function modules are (default: ${DEFAULT-VALUE}).")
  Path functions = Path.of("functions");

  @Override
  public Integer call() throws Exception {
    Path detectJar = functions.resolve("detect/target/detect.jar");
    Path routeJar = functions.resolve("route/target/route.jar");
    for (Path jar : List.of(detectJar, routeJar)) {
      if (!Files.isRegularFile(jar)) {
        System.err.println("trailwatch: " + jar + " not found: run mvn package first, from the repository root");
        return Main.EXIT_USAGE;
      }
    }
    Path self = Path.of(ColdStartCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path work = Files.createTempDirectory("trailwatch-coldstart");
    Path event = work.resolve("event.json");
    Files.copy(Catalogs.builtIn().resolve("cloudtrail/cloudtrail_logging_stopped/tests/positive/sso_admin_stops_org_trail.json"), event);
    Path sqsEvent = work.resolve("sqs-event.json");
    Files.writeString(sqsEvent, sqsEventOf(event));
    try (LocalSqs sqs = new LocalSqs()) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
      env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
      env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint());
      env.put("AWS_ENDPOINT_URL_SNS", sqs.endpoint());
      env.put("AWS_ENDPOINT_URL_IAM", sqs.endpoint());
      env.put("TRAILWATCH_ALERT_TOPIC_ARN", "arn:aws:sns:us-east-1:111122223333:trailwatch-alerts");
      env.put("TRAILWATCH_FINDINGS_QUEUE_URL", sqs.endpoint() + "/111122223333/trailwatch-findings");
      String detectCp = detectJar + File.pathSeparator + self;
      String routeCp = routeJar + File.pathSeparator + self;
      Map<String, String[]> variants = new LinkedHashMap<>();
      variants.put("JVM floor: hello-world handler", new String[] {detectCp, HelloHandler.class.getName(), event.toString()});
      variants.put("SDK floor: SQS+DynamoDB clients, SendMsgBatch", new String[] {detectCp, SdkFloorHandler.class.getName(), event.toString()});
      variants.put("detect function", new String[] {detectCp, "io.trailwatch.functions.detect.DetectHandler", event.toString()});
      variants.put("SDK floor (route): SNS + IAM, same calls", new String[] {routeCp, SnsFloorHandler.class.getName(), sqsEvent.toString()});
      variants.put("route function (log + SNS)", new String[] {routeCp, "io.trailwatch.functions.route.RouteHandler", sqsEvent.toString()});
      Map<String, double[]> times = new LinkedHashMap<>();
      variants.keySet().forEach(k -> times.put(k, new double[runs]));
      for (int run = -1; run < runs; run++) {
        for (Map.Entry<String, String[]> v : variants.entrySet()) {
          double ms = start(env, v.getValue());
          if (run >= 0) {
            times.get(v.getKey())[run] = ms;
          }
        }
      }
      System.out.printf("trailwatch coldstart: %d runs per variant after one warm-up, JAVA_TOOL_OPTIONS=\"%s\", Java %s%n",
          runs, JAVA_TOOL_OPTIONS, System.getProperty("java.version"));
      System.out.printf("%-44s %10s %10s %12s%n", "JVM start to first event handled", "median ms", "min ms", "x its floor");
      double detectFloor = median(times.get("SDK floor: SQS+DynamoDB clients, SendMsgBatch"));
      double routeFloor = median(times.get("SDK floor (route): SNS + IAM, same calls"));
      double jvmFloor = median(times.get("JVM floor: hello-world handler"));
      for (Map.Entry<String, double[]> t : times.entrySet()) {
        double[] sorted = t.getValue().clone();
        Arrays.sort(sorted);
        double floor = t.getKey().startsWith("detect") ? detectFloor : t.getKey().startsWith("route") ? routeFloor : jvmFloor;
        System.out.printf("%-44s %10.0f %10.0f %12.2f%n", t.getKey(), median(t.getValue()), sorted[0], median(t.getValue()) / floor);
      }
      System.out.printf("messages the stand-in for SQS received: %d%n", sqs.messages());
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }

  /** The SQS event the router gets for the detector's finding on the sample. */
  private static String sqsEventOf(Path event) throws IOException {
    var rules = new RuleLoader(ConditionVocabulary.standard()).loadCatalog(Catalogs.builtIn());
    List<Finding> findings = new Detector(rules).evaluate(EventValidator.toEvent(Json.MAPPER.readTree(event.toFile())));
    ObjectNode sqsEvent = Json.MAPPER.createObjectNode();
    ArrayNode records = sqsEvent.putArray("Records");
    int i = 0;
    for (Finding f : findings) {
      ObjectNode r = records.addObject();
      r.put("messageId", "m" + i++);
      r.put("body", io.trailwatch.core.finding.FindingJson.toJson(f));
      r.put("eventSource", "aws:sqs");
    }
    return Json.MAPPER.writeValueAsString(sqsEvent);
  }

  /** Starts a JVM on the probe and returns the milliseconds until it reported the event handled. */
  private static double start(Map<String, String> env, String[] variant) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", variant[0], LocalInvoke.class.getName(), variant[1], variant[2]);
    pb.environment().putAll(env);
    if (variant[1].endsWith("DetectHandler") || variant[1].endsWith("SdkFloorHandler")) {
      // The detector builds its DynamoDB client for stateful rules at init, as deployed; the router's
      // probe runs without the table (its dedup calls would need DynamoDB on the first event).
      pb.environment().put("TRAILWATCH_STATE_TABLE", "trailwatch-state");
    }
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    long begin = System.nanoTime();
    Process process = pb.start();
    double ms = -1;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        output.add(line);
        if (line.startsWith("FIRST-EVENT-HANDLED")) {
          ms = (System.nanoTime() - begin) / 1e6;
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || ms < 0) {
      process.destroyForcibly();
      throw new IllegalStateException(variant[1] + " did not handle its event: " + String.join(" | ", output));
    }
    return ms;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
