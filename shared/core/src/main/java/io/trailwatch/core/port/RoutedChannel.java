package io.trailwatch.core.port;

import io.trailwatch.core.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A destination that takes only the findings its route accepts (the configuration's {@code routing}).
 * A finding the route does not accept is not a failure: it simply is not this destination's.
 */
public final class RoutedChannel implements AlertChannel {
  private final AlertChannel channel;
  private final Predicate<Finding> route;

  public RoutedChannel(AlertChannel channel, Predicate<Finding> route) {
    this.channel = channel;
    this.route = route;
  }

  @Override
  public String name() {
    return channel.name();
  }

  @Override
  public void deliver(Finding finding) {
    if (route.test(finding)) {
      channel.deliver(finding);
    }
  }

  @Override
  public void repeated(Finding repeat, DedupStore.Occurrence occurrence) {
    if (route.test(repeat)) {
      channel.repeated(repeat, occurrence);
    }
  }

  @Override
  public Map<String, DeliveryException> deliverAll(List<Finding> findings) {
    List<Finding> mine = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (route.test(f)) {
        mine.add(f);
      }
    }
    return mine.isEmpty() ? Map.of() : channel.deliverAll(mine);
  }
}
