package io.trailwatch.core.input;

import io.trailwatch.core.event.AwsEvent;

/** Receives what a reader finds, in file order: events to evaluate and problems to report. */
public interface EventSink {
  void event(AwsEvent event);

  void problem(InputProblem problem);
}
