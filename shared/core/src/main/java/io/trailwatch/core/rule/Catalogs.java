package io.trailwatch.core.rule;

import io.trailwatch.core.condition.ConditionVocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Finds the catalog that ships inside the jar (or in {@code target/classes} during a build), so the
 * command and the functions work with no path to configure. The rules module puts a {@code README.md} at
 * the catalog's root; its location gives the folder, whether on disk or inside a jar.
 */
public final class Catalogs {
  public static final String MARKER = "catalog/README.md";

  private Catalogs() {}

  /**
   * The rules that ship inside the jar: from the compiled catalog when the build wrote one (the Lambda
   * functions), otherwise from the catalog's folders.
   */
  public static List<Rule> loadBuiltIn(ConditionVocabulary vocabulary) {
    try (InputStream compiled = Catalogs.class.getClassLoader().getResourceAsStream(CompiledCatalog.RESOURCE)) {
      if (compiled != null) {
        return CompiledCatalog.read(compiled, vocabulary, RuleLoader.DEFAULT_RUNBOOK_BASE);
      }
    } catch (IOException e) {
      throw new RuleLoadException(List.of(CompiledCatalog.RESOURCE + ": cannot read: " + e.getMessage()));
    }
    return new RuleLoader(vocabulary).loadCatalog(builtIn());
  }

  public static Path builtIn() {
    URL marker = Catalogs.class.getClassLoader().getResource(MARKER);
    if (marker == null) {
      throw new RuleLoadException(
          List.of("no built-in catalog on the classpath (" + MARKER + " not found); pass --rules DIR"));
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath("/catalog");
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new RuleLoadException(List.of("cannot open the built-in catalog at " + marker + ": " + e));
    }
  }
}
