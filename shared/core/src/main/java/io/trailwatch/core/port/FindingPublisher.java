package io.trailwatch.core.port;

import io.trailwatch.core.finding.Finding;
import java.util.List;

/**
 * Where the detector hands its findings on: the SQS findings queue in AWS, the console when run locally.
 * A failure must throw, so the event is retried rather than its findings lost.
 */
public interface FindingPublisher {
  /**
   * Publishes every finding, or throws.
   *
   * @throws PublishException when any finding could not be handed on
   */
  void publish(List<Finding> findings);
}
