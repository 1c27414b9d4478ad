package io.trailwatch.cli.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths given to {@code scan}: a file is read whatever its name; a directory is walked for
 * event files ({@code .json}, {@code .jsonl}, {@code .ndjson}, {@code .gz}), in name order, so a folder of
 * rules or notes beside the logs is not mistaken for bad input.
 */
public final class InputFiles {
  private InputFiles() {}

  public static List<Path> expand(List<Path> paths) throws NoSuchFileException {
    List<Path> out = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isRegularFile(path)) {
        out.add(path);
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(InputFiles::isEventFile).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        throw new NoSuchFileException(path.toString(), null, "no such file or directory");
      }
    }
    return out;
  }

  static boolean isEventFile(Path file) {
    String name = file.getFileName().toString().toLowerCase();
    if (name.startsWith(".")) {
      return false;
    }
    return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".gz");
  }
}
