package io.trailwatch.cli.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Deterministic CloudTrail traffic of one busy AWS account (111122223333), for throughput benchmarks and
 * for the benign baseline no rule may fire on.
 *
 * <p>The mix follows what a real account's management events look like: about 60% read-only calls
 * (Describe/List/Get by monitoring, Config, scanners, workloads and people), about 25% AWS service activity
 * (AssumeRole by Lambda/ECS/EC2, KMS calls made for S3, Secrets Manager, SSM and DynamoDB, log streams, the
 * SSM agent, service events) and the rest writes: pipeline deploys and the CloudFormation updates they
 * cause, console sign-ins, self-service key rotation, everyday changes and denied calls. People's share
 * drops outside office hours. With {@code securityFraction > 0}, that share of records are calls security
 * rules examine, half of them real findings and half near misses; with 0 the output is benign only.
 *
 * <p>Why deterministic: a benchmark must be comparable run to run, and the baseline in {@code
 * events/baseline/} is regenerated from its seed. Every id and choice comes from one seeded {@link
 * java.util.Random}; nothing reads the clock.
 *
 * <p>Records are rendered one at a time and streamed, so a file of any size needs constant memory. One
 * generator is not thread-safe; successive calls continue the same stream.
 */
public final class TrafficGenerator {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Share of template picks (not records: deploys and sign-ins are bursts) per family. */
  private static final double READ_PICKS = 0.65;

  private static final double SERVICE_PICKS = 0.105;
  private static final double PIPELINE_PICKS = 0.045;

  private final Rng rng;
  private final Cast cast;
  private final double securityFraction;
  private final Mix reads;
  private final Mix services;
  private final Mix pipeline;
  private final Mix people;
  private final Mix security;
  private final Deque<Mix.Draft> pending = new ArrayDeque<>();

  /**
   * @param seed makes output reproducible
   * @param securityFraction share (0 to 1, e.g. 0.03) of security-relevant calls; 0 gives benign traffic only
   */
  public TrafficGenerator(long seed, double securityFraction) {
    if (!(securityFraction >= 0 && securityFraction <= 1)) {
      throw new IllegalArgumentException("securityFraction must be between 0 and 1: " + securityFraction);
    }
    this.rng = new Rng(seed);
    this.cast = new Cast(rng);
    this.securityFraction = securityFraction;
    PipelineTraffic deploys = new PipelineTraffic(rng, cast);
    this.reads = new ReadTraffic(rng, cast).mix();
    this.services = new ServiceTraffic(rng, cast).mix();
    this.pipeline = deploys.mix();
    this.people = new PeopleTraffic(rng, cast).mix();
    this.security = new SecurityTraffic(rng, cast, deploys).mix();
  }

  /**
   * Writes one CloudTrail log file exactly as CloudTrail puts it in S3: {@code {"Records":[ ... ]}} with
   * {@code records} records whose eventTime starts at {@code start} and advances a few seconds per record.
   * Streams; does not build the whole file in memory. The stream is flushed, not closed.
   */
  public void writeLogFile(OutputStream out, int records, Instant start) throws IOException {
    if (records < 0) {
      throw new IllegalArgumentException("records must not be negative: " + records);
    }
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeArrayFieldStart("Records");
      Instant t = start.truncatedTo(ChronoUnit.SECONDS);
      for (int i = 0; i < records; i++) {
        if (i > 0) {
          t = t.plusSeconds(rng.between(1, 5));
        }
        MAPPER.writeTree(g, next(t));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.flush();
  }

  /** The next record, at time t. */
  ObjectNode next(Instant t) {
    cast.now = t;
    Mix.Draft draft;
    if (securityFraction > 0 && rng.chance(securityFraction)) {
      draft = security.pick(rng, t).make(t).get(0);
    } else {
      while (pending.isEmpty()) {
        pending.addAll(family(t).pick(rng, t).make(t));
      }
      draft = pending.poll();
    }
    return draft.apply(t).build(t, rng);
  }

  private Mix family(Instant t) {
    double x = rng.nextDouble();
    if (x < READ_PICKS) {
      return reads;
    }
    if (x < READ_PICKS + SERVICE_PICKS) {
      return services;
    }
    // Deploys and people's changes happen mostly in office hours; at night machines fill the gap.
    if (!Mix.officeHours(t) && rng.chance(0.9)) {
      return rng.chance(0.5) ? reads : services;
    }
    return x < READ_PICKS + SERVICE_PICKS + PIPELINE_PICKS ? pipeline : people;
  }
}
