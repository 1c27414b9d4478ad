package io.trailwatch.deploy.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SAM's merge of a Globals section into a resource (samtranslator/plugins/globals/globals.py): maps merge
 * key by key, recursively; lists concatenate (global first, duplicates kept); anything else, an intrinsic
 * function included, or two values of different kinds: the resource's value wins.
 */
public final class SamGlobals {
  private SamGlobals() {}

  public static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> local) {
    @SuppressWarnings("unchecked")
    Map<String, Object> merged = (Map<String, Object>) mergeValue(globals, local);
    return merged;
  }

  static Object mergeValue(Object global, Object local) {
    Kind g = kind(global);
    Kind l = kind(local);
    if (g != l || g == Kind.SCALAR) {
      return local;
    }
    if (g == Kind.LIST) {
      List<Object> out = new ArrayList<>((List<?>) global);
      out.addAll((List<?>) local);
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>(Template.map(global));
    Template.map(local).forEach(
        (key, value) -> out.put(key, out.containsKey(key) ? mergeValue(out.get(key), value) : value));
    return out;
  }

  private enum Kind {
    SCALAR,
    LIST,
    MAP
  }

  private static Kind kind(Object value) {
    if (value instanceof Map && !Intrinsics.isIntrinsic(value)) {
      return Kind.MAP;
    }
    return value instanceof List ? Kind.LIST : Kind.SCALAR;
  }
}
