package io.trailwatch.aws;

import io.trailwatch.core.port.AlertChannel;
import io.trailwatch.core.port.LogChannel;
import io.trailwatch.core.service.OpsLog;
import io.trailwatch.core.service.RouteService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the router function's service from its environment. For now it delivers to the log; SNS, Slack
 * and Security Hub join behind the same {@link AlertChannel} port.
 */
public final class RouteWiring {
  private RouteWiring() {}

  public static RouteService routeService(Map<String, String> env, PrintStream out) {
    List<AlertChannel> channels = new ArrayList<>();
    channels.add(new LogChannel(out));
    return new RouteService(channels, new OpsLog(out));
  }
}
