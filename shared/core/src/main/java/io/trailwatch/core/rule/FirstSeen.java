package io.trailwatch.core.rule;

import java.time.Duration;
import java.util.List;

/**
 * A rule that alerts the first time a combination of values is seen (a new deployer for a function, a
 * new source IP for a long-lived key), once the rule has watched for {@code learning}: during the
 * learning period every combination is remembered and none is alerted on, so a fresh install does not
 * page for everything it has never seen. Judged by the events' own times, so a replay of last month's
 * logs learns from its first two weeks and alerts on the rest.
 *
 * <pre>{@code
 * first_seen:
 *   keys: [actor, detail.requestParameters.functionName]
 *   learning: 14d
 * }</pre>
 */
public record FirstSeen(List<String> keys, Duration learning) {}
