package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.map;
import static io.trailwatch.deploy.support.Template.path;

import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every function logs to a log group of this template (LoggingConfig.LogGroup), and every log group has a
 * retention CloudWatch Logs accepts, literal or from a parameter whose default and allowed values are
 * valid. Without it, logs are kept (and paid for) forever.
 */
final class LogRetentionCheck {
  static final Set<Integer> VALID_DAYS = new TreeSet<>(List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
      731, 1096, 1827, 2192, 2557, 2922, 3288, 3653));

  private LogRetentionCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    for (String fn : t.functions()) {
      Optional<String> group = Intrinsics.ref(path(t.function(fn), "LoggingConfig", "LogGroup"));
      if (group.isEmpty() || !"AWS::Logs::LogGroup".equals(t.type(group.get()))) {
        problems.add(fn + ": LoggingConfig.LogGroup must be !Ref <an AWS::Logs::LogGroup of this template>, is "
            + path(t.function(fn), "LoggingConfig", "LogGroup"));
      }
    }
    for (String group : t.idsOfType("AWS::Logs::LogGroup")) {
      Object retention = t.properties(group).get("RetentionInDays");
      Optional<String> parameter = Intrinsics.ref(retention);
      if (parameter.isPresent()) {
        var p = map(t.parameters().get(parameter.get()));
        List<Object> allowed = Intrinsics.asList(p.get("AllowedValues"));
        if (!valid(p.get("Default")) || allowed.isEmpty() || !allowed.stream().allMatch(LogRetentionCheck::valid)) {
          problems.add(group + ": RetentionInDays comes from parameter " + parameter.get()
              + ", whose Default and AllowedValues must all be days CloudWatch Logs accepts " + VALID_DAYS);
        }
      } else if (!valid(retention)) {
        problems.add(group + ": RetentionInDays must be one of " + VALID_DAYS + ", is " + retention);
      }
    }
    return problems;
  }

  private static boolean valid(Object days) {
    return days instanceof Integer d && VALID_DAYS.contains(d);
  }
}
