package io.trailwatch.deploy;

import static io.trailwatch.deploy.support.Problems.assertNone;
import static io.trailwatch.deploy.support.Problems.assertReported;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.deploy.fixtures.NeedsLeftBehind;
import io.trailwatch.deploy.fixtures.NotAHandler;
import io.trailwatch.deploy.support.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs `mvn package` first: reads the shaded jars at the functions' CodeUri (the reactor builds them). */
class HandlerTest {

  @Test
  void everyHandlerIsALambdaHandlerInTheJarAtItsCodeUri() {
    Template template = Template.project();
    assertThat(template.functions()).isNotEmpty();
    assertNone(HandlerCheck.problems(template));
  }

  @Test
  void aMissingJarSaysToPackageFirst(@TempDir Path dir) {
    Template template = Template.of("""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: functions/fn/target/fn.jar, Handler: a.B::handleRequest}
        """, dir);
    assertReported(HandlerCheck.problems(template), "CodeUri functions/fn/target/fn.jar does not exist", "mvn -B package");
  }

  @Test
  void aClassThatIsNotAHandlerOrNotInTheJarIsReported(@TempDir Path dir) throws IOException {
    Path jar = jarOf(dir, NotAHandler.class);
    assertReported(HandlerCheck.checkHandler("Fn", jar, NotAHandler.class.getName() + "::handleRequest"),
        "implements neither RequestStreamHandler nor RequestHandler");
    assertReported(HandlerCheck.checkHandler("Fn", jar, "io.trailwatch.Missing::handleRequest"),
        "class io.trailwatch.Missing is not in the jar");
    assertReported(HandlerCheck.checkHandler("Fn", jar, NotAHandler.class.getName() + "::handle"),
        "has no public handle method");
  }

  @Test
  void aClassWhoseDependenciesAreNotInTheJarIsReported(@TempDir Path dir) throws IOException {
    Path jar = jarOf(dir, NeedsLeftBehind.class);
    assertReported(HandlerCheck.checkHandler("Fn", jar, NeedsLeftBehind.class.getName() + "::handleRequest"),
        "cannot be loaded from the jar alone", "LeftBehind", "aws-lambda-java-core included");
  }

  /** A jar holding just this one compiled class of the test sources. */
  private static Path jarOf(Path dir, Class<?> type) throws IOException {
    Path jar = dir.resolve(type.getSimpleName() + ".jar");
    String entry = type.getName().replace('.', '/') + ".class";
    try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry);
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      bytes.transferTo(out);
    }
    return jar;
  }
}
