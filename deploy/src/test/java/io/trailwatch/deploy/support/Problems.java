package io.trailwatch.deploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

/** Assertions shared by the check tests. */
public final class Problems {
  private Problems() {}

  /** A template written inline in a test; relative paths start from the module folder. */
  public static Template mini(String yaml) {
    return Template.of(yaml, Path.of("").toAbsolutePath());
  }

  public static void assertNone(List<String> problems) {
    assertThat(problems).as("problems (each says what to change)").isEmpty();
  }

  /** Every fragment appears in some problem: the check failed, and said why. */
  public static void assertReported(List<String> problems, String... fragments) {
    for (String fragment : fragments) {
      assertThat(problems).as("a problem mentioning \"%s\"", fragment).anySatisfy(p -> assertThat(p).contains(fragment));
    }
  }
}
