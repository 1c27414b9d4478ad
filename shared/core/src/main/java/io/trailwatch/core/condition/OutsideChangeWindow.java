package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.config.ChangeWindow;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * True when the event happened outside the named change window of the configuration: a deploy on a
 * Saturday night is worth a look even when the pipeline made it, because a stolen pipeline credential
 * deploys at the attacker's hours, not the team's. Judged by the event's own time (so a replay of last
 * month's logs judges each deploy by when it happened), in the window's time zone.
 *
 * <p>A window the configuration does not define makes the condition false: the rule stays silent until
 * the team says when it deploys, rather than alerting on every deploy.
 *
 * <pre>{@code
 * conditions:
 *   - type: outside-change-window
 *     window: deployments
 * }</pre>
 */
public final class OutsideChangeWindow implements ConditionType {
  @Override
  public String name() {
    return "outside-change-window";
  }

  @Override
  public String description() {
    return "The event's time falls outside the named change window of the configuration (`change_windows`);"
        + " false when no such window is configured.";
  }

  @Override
  public List<Param> params() {
    return List.of(new Param("window", Param.Kind.STRING, true, "name of a change window in the configuration"));
  }

  @Override
  public Condition create(JsonNode params) {
    String name = params.get("window").asText();
    return new Condition() {
      @Override
      public boolean test(io.trailwatch.core.event.AwsEvent event, EvaluationContext context) {
        ChangeWindow window = context.changeWindow(name);
        String time = event.eventTime();
        if (window == null || time == null) {
          return false;
        }
        try {
          return !window.contains(Instant.parse(time));
        } catch (DateTimeParseException e) {
          return false;
        }
      }

      @Override
      public boolean possible(EvaluationContext context) {
        return context.changeWindow(name) != null;
      }
    };
  }
}
