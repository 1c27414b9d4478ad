package io.trailwatch.deploy;

import io.trailwatch.deploy.support.Template;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every function's CodeUri is a jar that exists (after `mvn package`) and holds its Handler: a concrete
 * class with a public no-argument constructor, implementing a Lambda handler interface, with the named
 * method. The jar is loaded on its own (the platform class loader as parent), as Lambda loads it, and no
 * class is initialised: a handler's static clients are not built here.
 */
final class HandlerCheck {
  static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
  static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";

  private HandlerCheck() {}

  static List<String> problems(Template t) {
    List<String> problems = new ArrayList<>();
    for (String fn : t.functions()) {
      Map<String, Object> p = t.function(fn);
      if (!(p.get("CodeUri") instanceof String uri) || !(p.get("Handler") instanceof String handler)) {
        problems.add(fn + " needs a CodeUri and a Handler");
        continue;
      }
      Path jar = t.dir().resolve(uri).normalize();
      if (!Files.isRegularFile(jar)) {
        problems.add(fn + " CodeUri " + uri + " does not exist (" + jar + "): run `mvn -B package` first");
        continue;
      }
      problems.addAll(checkHandler(fn, jar, handler));
    }
    return problems;
  }

  static List<String> checkHandler(String fn, Path jar, String handler) {
    String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    String method = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
    String where = fn + " Handler " + handler + " in " + jar.getFileName();
    URL[] classpath;
    try {
      classpath = new URL[] {jar.toUri().toURL()};
    } catch (IOException e) {
      return List.of(where + ": " + e);
    }
    try (URLClassLoader loader = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
      Class<?> type = Class.forName(className, false, loader);
      List<String> problems = new ArrayList<>();
      if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
        problems.add(where + ": " + className + " must be a public concrete class");
      }
      if (Arrays.stream(type.getConstructors()).noneMatch(c -> c.getParameterCount() == 0)) {
        problems.add(where + ": " + className + " needs a public no-argument constructor (Lambda instantiates it)");
      }
      Set<String> interfaces = allInterfaces(type);
      if (!interfaces.contains(STREAM_HANDLER) && !interfaces.contains(REQUEST_HANDLER)) {
        problems.add(where + ": " + className + " implements neither RequestStreamHandler nor RequestHandler");
      }
      int arity = interfaces.contains(STREAM_HANDLER) ? 3 : 2;
      boolean hasMethod = Arrays.stream(type.getMethods())
          .anyMatch(m -> m.getName().equals(method) && m.getParameterCount() == arity);
      if (!hasMethod) {
        problems.add(where + ": " + className + " has no public " + method + " method taking " + arity + " arguments");
      }
      return problems;
    } catch (ClassNotFoundException e) {
      return List.of(where + ": class " + className + " is not in the jar");
    } catch (NoClassDefFoundError | UnsupportedClassVersionError e) {
      return List.of(where + ": " + className + " cannot be loaded from the jar alone (" + e
          + "); a shaded jar must contain its dependencies, aws-lambda-java-core included");
    } catch (IOException e) {
      return List.of(where + ": cannot read the jar: " + e);
    }
  }

  private static Set<String> allInterfaces(Class<?> type) {
    Set<String> names = new HashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      for (Class<?> i : c.getInterfaces()) {
        if (names.add(i.getName())) {
          todo.add(i);
        }
      }
      if (c.getSuperclass() != null) {
        todo.add(c.getSuperclass());
      }
    }
    return names;
  }
}
