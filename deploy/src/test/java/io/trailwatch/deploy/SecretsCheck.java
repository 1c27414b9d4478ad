package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Template.map;
import static io.trailwatch.deploy.support.Template.path;

import io.trailwatch.deploy.support.Intrinsics;
import io.trailwatch.deploy.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * No secret in the template, its parameters or a function's environment. A variable or parameter whose
 * name says it concerns a secret (SECRET, TOKEN, PASSWORD, WEBHOOK) holds an ARN: a literal "arn:...", a
 * reference to a resource, or a parameter whose AllowedPattern refuses a webhook URL. No value anywhere
 * looks like a credential, and no function property resolves a secret at deploy time
 * ({{resolve:secretsmanager:...}} would put its value in the function's configuration).
 */
final class SecretsCheck {
  static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|TOKEN|PASSWORD|WEBHOOK).*");
  static final Pattern LOOKS_SECRET = Pattern.compile(
      "(?s).*(https://hooks\\.slack\\.com/|xox[abposr]-|AKIA[0-9A-Z]{16}|-----BEGIN"
          + "|\\{\\{resolve:(secretsmanager|ssm-secure):).*");
  /** What a careless deployer would paste: AllowedPattern must refuse it. */
  static final String SAMPLE_WEBHOOK = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";

  private SecretsCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    t.parameters().forEach((name, value) -> {
      Map<String, Object> parameter = map(value);
      Object fallback = parameter.get("Default");
      if (fallback != null && LOOKS_SECRET.matcher(String.valueOf(fallback)).matches()) {
        problems.add("parameter " + name + ": its Default looks like a secret");
      }
      if (SECRET_NAME.matcher(name).matches()) {
        if (fallback != null && !String.valueOf(fallback).isEmpty() && !String.valueOf(fallback).startsWith("arn:")) {
          problems.add("parameter " + name + ": Default must be empty or an ARN, is " + fallback);
        }
        Object allowed = parameter.get("AllowedPattern");
        if (!(allowed instanceof String regex) || Pattern.matches(regex, SAMPLE_WEBHOOK)) {
          problems.add("parameter " + name
              + ": needs an AllowedPattern that accepts an ARN and refuses a pasted webhook URL");
        }
      }
    });
    for (String fn : t.functions()) {
      Map<String, Object> variables = map(path(t.function(fn), "Environment", "Variables"));
      variables.forEach((name, value) -> {
        for (Object branch : Intrinsics.branches(value)) {
          if (branch instanceof String text && LOOKS_SECRET.matcher(text).matches()) {
            problems.add(fn + " environment " + name
                + ": the value looks like a secret; store it in Secrets Manager and pass its ARN");
          } else if (SECRET_NAME.matcher(name).matches() && !holdsArn(t, branch)) {
            problems.add(fn + " environment " + name + ": must hold an ARN (a literal arn:..., a !Ref/!GetAtt of a"
                + " resource, or a !Ref of a parameter constrained to ARNs), is " + branch);
          }
        }
      });
    }
    scanForSecretValues(t.resources(), "Resources", problems);
    return problems;
  }

  private static boolean holdsArn(Template t, Object value) {
    if (value instanceof String text) {
      return text.isEmpty() || text.startsWith("arn:");
    }
    Optional<String> target = Intrinsics.target(value);
    if (target.isEmpty()) {
      return false;
    }
    if (t.resources().containsKey(target.get())) {
      return true;
    }
    Object allowed = map(t.parameters().get(target.get())).get("AllowedPattern");
    return allowed instanceof String regex && !Pattern.matches(regex, SAMPLE_WEBHOOK);
  }

  /** A SecretString (or any property ending in Password/Token) written in the template is a secret in Git. */
  private static void scanForSecretValues(Object value, String where, List<String> problems) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        String key = String.valueOf(k);
        if ((key.equals("SecretString") || key.endsWith("Password") || key.endsWith("Token")) && v instanceof String) {
          problems.add(where + "." + key + ": a literal secret value in the template");
        } else if (v instanceof String text && LOOKS_SECRET.matcher(text).matches()) {
          problems.add(where + "." + key + ": the value looks like a secret");
        }
        scanForSecretValues(v, where + "." + key, problems);
      });
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        scanForSecretValues(list.get(i), where + "[" + i + "]", problems);
      }
    }
  }
}
