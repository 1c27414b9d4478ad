package io.trailwatch.deploy.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading CloudFormation values: intrinsic functions, conditional branches, references. */
public final class Intrinsics {
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

  private Intrinsics() {}

  /** A one-key map whose key is Ref, Condition or Fn::*: what SAM's Globals merge treats as a scalar. */
  public static boolean isIntrinsic(Object value) {
    if (value instanceof Map<?, ?> map && map.size() == 1) {
      String key = String.valueOf(map.keySet().iterator().next());
      return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }
    return false;
  }

  /** The argument of {@code {"<function>": argument}}, if value is that function. */
  public static Optional<Object> argument(Object value, String function) {
    if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(function)) {
      return Optional.ofNullable(map.get(function));
    }
    return Optional.empty();
  }

  /** X of {@code !Ref X}. */
  public static Optional<String> ref(Object value) {
    return argument(value, "Ref").filter(String.class::isInstance).map(String.class::cast);
  }

  /** [resource, attribute] of {@code !GetAtt resource.attribute}. */
  public static Optional<List<String>> getAtt(Object value) {
    return argument(value, "Fn::GetAtt")
        .filter(List.class::isInstance)
        .map(list -> ((List<?>) list).stream().map(String::valueOf).toList());
  }

  /** True when value is {@code !Ref id} or {@code !GetAtt id.<anything>}. */
  public static boolean refersTo(Object value, String id) {
    return ref(value).filter(id::equals).isPresent()
        || getAtt(value).filter(att -> !att.isEmpty() && att.get(0).equals(id)).isPresent();
  }

  /** The resource or parameter a Ref or GetAtt names. */
  public static Optional<String> target(Object value) {
    return ref(value).or(() -> getAtt(value).filter(att -> !att.isEmpty()).map(att -> att.get(0)));
  }

  public static boolean isNoValue(Object value) {
    return ref(value).filter("AWS::NoValue"::equals).isPresent();
  }

  /**
   * Every value this one can take once conditions are decided: both branches of each Fn::If (recursively),
   * without AWS::NoValue. A plain value is its own only branch.
   */
  public static List<Object> branches(Object value) {
    List<Object> out = new ArrayList<>();
    Optional<Object> ifArgs = argument(value, "Fn::If");
    if (ifArgs.isPresent() && ifArgs.get() instanceof List<?> args && args.size() == 3) {
      out.addAll(branches(args.get(1)));
      out.addAll(branches(args.get(2)));
    } else if (!isNoValue(value)) {
      out.add(value);
    }
    return out;
  }

  /** A scalar or a list, as a list (Action: x and Action: [x] mean the same). */
  public static List<Object> asList(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    return List.of(value);
  }

  /** A list whose elements may each be an Fn::If: every element every branch can produce. */
  public static List<Object> flatBranches(Object value) {
    List<Object> out = new ArrayList<>();
    for (Object branch : branches(value)) {
      for (Object element : asList(branch)) {
        out.addAll(branches(element));
      }
    }
    return out;
  }

  /** Every logical id (resource, parameter or pseudo parameter) referenced anywhere inside value. */
  public static Set<String> references(Object value) {
    Set<String> out = new LinkedHashSet<>();
    collect(value, out);
    return out;
  }

  private static void collect(Object value, Set<String> out) {
    if (value instanceof Map<?, ?> map) {
      ref(value).ifPresent(out::add);
      getAtt(value).filter(att -> !att.isEmpty()).ifPresent(att -> out.add(att.get(0)));
      argument(value, "Fn::Sub").ifPresent(sub -> subVariables(sub).forEach(out::add));
      map.values().forEach(v -> collect(v, out));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, out));
    }
  }

  /** The ids a Fn::Sub template names, minus its own variables: ${X} and ${X.Attr} give X. */
  static Set<String> subVariables(Object sub) {
    String text;
    Set<String> local = Set.of();
    if (sub instanceof String s) {
      text = s;
    } else if (sub instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s) {
      text = s;
      if (list.size() > 1 && list.get(1) instanceof Map<?, ?> vars) {
        local = vars.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
      }
    } else {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    Matcher m = SUB_VARIABLE.matcher(text);
    while (m.find()) {
      String name = m.group(1).split("\\.")[0];
      if (!local.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
