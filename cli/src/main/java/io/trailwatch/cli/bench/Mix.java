package io.trailwatch.cli.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A weighted choice of traffic templates.
 *
 * <p>Why weights per template rather than a script: a real trail is a stationary mix (reads dominate,
 * deploys come in bursts, people work office hours), and weights are what one tunes against measured mix
 * percentages. Templates marked human are damped outside office hours (07:00-20:00 UTC), when a real
 * account is left to its services and schedules.
 */
final class Mix {
  /** One record still to render: its content may depend on the time it gets. */
  interface Draft extends Function<Instant, Rec> {}

  /** Produces one record or a short burst (a deploy, a sign-in followed by console reads, a KMS storm). */
  interface Template {
    List<Draft> make(Instant now);
  }

  private static final double NIGHT_DAMPING = 0.08;

  private final List<Template> templates = new ArrayList<>();
  private final List<Double> weights = new ArrayList<>();
  private final List<Boolean> human = new ArrayList<>();
  private double[] dayCumulative;
  private double[] nightCumulative;

  /** A template for machine activity, independent of the hour. */
  Mix add(double weight, Template template) {
    return put(weight, template, false);
  }

  /** A single-record template. */
  Mix one(double weight, Draft draft) {
    return put(weight, now -> List.of(draft), false);
  }

  /** A template for people's activity: rare at night. */
  Mix human(double weight, Template template) {
    return put(weight, template, true);
  }

  private Mix put(double weight, Template template, boolean byPerson) {
    templates.add(template);
    weights.add(weight);
    human.add(byPerson);
    dayCumulative = null;
    return this;
  }

  static boolean officeHours(Instant t) {
    int hour = Times.hour(t);
    return hour >= 7 && hour < 20;
  }

  Template pick(Rng rng, Instant now) {
    if (dayCumulative == null) {
      dayCumulative = cumulative(1.0);
      nightCumulative = cumulative(NIGHT_DAMPING);
    }
    double[] cumulative = officeHours(now) ? dayCumulative : nightCumulative;
    double x = rng.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > x) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return templates.get(low);
  }

  private double[] cumulative(double humanFactor) {
    double[] out = new double[templates.size()];
    double sum = 0;
    for (int i = 0; i < out.length; i++) {
      sum += weights.get(i) * (human.get(i) ? humanFactor : 1.0);
      out[i] = sum;
    }
    return out;
  }
}
