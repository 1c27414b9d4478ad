package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.path;

import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every AWS::Serverless::Function, as SAM sees it (Globals merged): java21 on arm64, a prebuilt jar that
 * `sam build` skips, SnapStart on a published alias, active tracing, JSON logs, C1-only JIT, sizes chosen,
 * and an explicit role of this template (so SAM attaches no managed policy of its own).
 */
final class FunctionConfigCheck {
  private FunctionConfigCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    if (t.functions().isEmpty()) {
      problems.add("the template declares no AWS::Serverless::Function");
    }
    for (String fn : t.functions()) {
      Map<String, Object> p = t.function(fn);
      expect(problems, fn, "Runtime", p.get("Runtime"), "java21");
      // Globals and resource lists concatenate: [arm64] in both places would give [arm64, arm64].
      expect(problems, fn, "Architectures", p.get("Architectures"), List.of("arm64"));
      expect(problems, fn, "Tracing", p.get("Tracing"), "Active");
      expect(problems, fn, "SnapStart.ApplyOn", path(p, "SnapStart", "ApplyOn"), "PublishedVersions");
      expect(problems, fn, "LoggingConfig.LogFormat", path(p, "LoggingConfig", "LogFormat"), "JSON");
      expect(problems, fn, "Metadata.SkipBuild", path(t.resource(fn), "Metadata", "SkipBuild"), Boolean.TRUE);
      if (!(p.get("AutoPublishAlias") instanceof String alias) || alias.isBlank()) {
        problems.add(fn + " needs AutoPublishAlias: SnapStart only applies to published versions");
      }
      Object tool = path(p, "Environment", "Variables", "JAVA_TOOL_OPTIONS");
      if (!(tool instanceof String options) || !options.contains("-XX:TieredStopAtLevel=1")) {
        problems.add(fn + " JAVA_TOOL_OPTIONS must contain -XX:TieredStopAtLevel=1, is " + tool);
      }
      for (String size : List.of("MemorySize", "Timeout")) {
        if (!(p.get(size) instanceof Integer)) {
          problems.add(fn + " " + size + " must be set to a number (Lambda's defaults are not measured choices)");
        }
      }
      if (!(p.get("Handler") instanceof String handler) || !handler.matches("[\\w.$]+::\\w+")) {
        problems.add(fn + " Handler must be package.Class::method, is " + p.get("Handler"));
      }
      if (!(p.get("CodeUri") instanceof String uri) || !uri.endsWith(".jar") || uri.startsWith("s3://")) {
        problems.add(fn + " CodeUri must be the relative path of the module's shaded jar, is " + p.get("CodeUri"));
      }
      String role = Intrinsics.getAtt(p.get("Role")).filter(a -> a.size() == 2 && a.get(1).equals("Arn"))
          .map(a -> a.get(0)).orElse(null);
      if (role == null || !"AWS::IAM::Role".equals(t.type(role))) {
        problems.add(fn + " Role must be !GetAtt <an AWS::IAM::Role of this template>.Arn, is " + p.get("Role"));
      }
      if (p.containsKey("Policies")) {
        problems.add(fn + " must not use SAM Policies (ignored next to Role): put every statement in its role");
      }
    }
    return problems;
  }

  private static void expect(List<String> problems, String fn, String property, Object actual, Object expected) {
    if (!expected.equals(actual)) {
      problems.add(fn + " " + property + " must be " + expected + ", is " + actual);
    }
  }
}
