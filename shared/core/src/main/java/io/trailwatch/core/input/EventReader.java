package io.trailwatch.core.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.BadRecordException;
import io.trailwatch.core.event.EventValidator;
import io.trailwatch.core.event.Json;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads every kind of input a scan accepts, streaming, so memory stays flat whatever the size of the logs:
 * CloudTrail log files as they lie in S3 ({@code {"Records":[...]}}, plain or gzip), a JSON array of
 * events, JSON Lines, or one (pretty-printed) event per file. The format is sniffed from the first bytes,
 * not the file name.
 *
 * <p>Bad input never stops a scan: a record that is not an event, too big, or of the wrong shape is
 * reported with its location and skipped; an invalid UTF-8 byte is reported and replaced, and the record
 * is still evaluated; JSON that cannot be parsed any further ends that file with a report of where.
 */
public final class EventReader {
  /** EventBridge delivers events of at most 256 KB, so a bigger record cannot be a real event. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 256 * 1024;

  private static final int SNIFF_BYTES = 64 * 1024;

  private enum Format {
    RECORDS,
    ARRAY,
    DOCUMENT,
    LINES,
    EMPTY
  }

  private final int maxRecordBytes;
  private final LongAdder bytesRead;

  public EventReader(int maxRecordBytes, LongAdder bytesRead) {
    this.maxRecordBytes = maxRecordBytes;
    this.bytesRead = bytesRead;
  }

  public EventReader() {
    this(DEFAULT_MAX_RECORD_BYTES, new LongAdder());
  }

  /** Reads one file; every problem goes to the sink, nothing is thrown. */
  public void read(Path file, String display, EventSink sink) {
    Located out = new Located(display, sink);
    int delivered;
    Format format;
    try (InputStream in = open(file)) {
      format = sniff(in);
      if (format == Format.EMPTY) {
        return;
      }
      if (format == Format.LINES) {
        readLines(in, out);
        return;
      }
      try (JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
        delivered = stream(parser, format, out, 0);
        return;
      } catch (JsonParseException e) {
        if (!isEncodingError(e)) {
          out.syntax(e, out.count);
          return;
        }
        delivered = out.count;
      }
    } catch (IOException e) {
      out.io(e);
      return;
    }
    readLeniently(file, format, out, delivered);
  }

  /** After an invalid UTF-8 byte: read again with replacement, skipping what was already delivered. */
  private void readLeniently(Path file, Format format, Located out, int alreadyDelivered) {
    LongAdder ignored = new LongAdder();
    try (InputStream in = open(file, ignored)) {
      sniff(in);
      LenientUtf8Reader reader =
          new LenientUtf8Reader(
              in,
              offset ->
                  out.problem(
                      "byte " + offset,
                      "invalid UTF-8 byte, replaced with U+FFFD (the record is still evaluated)"));
      try (JsonParser parser = Json.MAPPER.getFactory().createParser(reader)) {
        out.count = 0;
        stream(parser, format, out, alreadyDelivered);
      } catch (JsonParseException e) {
        out.syntax(e, out.count);
      }
    } catch (IOException e) {
      out.io(e);
    }
  }

  private InputStream open(Path file) throws IOException {
    return open(file, bytesRead);
  }

  private static InputStream open(Path file, LongAdder counter) throws IOException {
    BufferedInputStream in =
        new BufferedInputStream(new CountingInputStream(Files.newInputStream(file), counter), SNIFF_BYTES);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, SNIFF_BYTES), SNIFF_BYTES);
    }
    return in;
  }

  /** Looks at the first bytes (then rewinds) to tell the formats apart. */
  private static Format sniff(InputStream in) throws IOException {
    in.mark(SNIFF_BYTES + 1);
    byte[] buf = in.readNBytes(SNIFF_BYTES);
    in.reset();
    int i = 0;
    if (buf.length >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
      in.skip(3);
      i = 3;
    }
    while (i < buf.length && Character.isWhitespace(buf[i])) {
      i++;
    }
    if (i == buf.length) {
      return Format.EMPTY;
    }
    if (buf[i] == '[') {
      return Format.ARRAY;
    }
    if (buf[i] != '{') {
      return Format.LINES;
    }
    try (JsonParser p = Json.MAPPER.getFactory().createParser(buf, i, buf.length - i)) {
      if (p.nextToken() == JsonToken.START_OBJECT
          && p.nextToken() == JsonToken.FIELD_NAME
          && "Records".equals(p.currentName())) {
        return Format.RECORDS;
      }
    } catch (IOException e) {
      // Not a CloudTrail file that starts cleanly; decide below.
    }
    int newline = -1;
    for (int j = i; j < buf.length; j++) {
      if (buf[j] == '\n') {
        newline = j;
        break;
      }
    }
    if (newline < 0) {
      return buf.length < SNIFF_BYTES ? Format.LINES : Format.DOCUMENT;
    }
    try {
      Json.ONE_VALUE.readTree(buf, i, newline - i);
      return Format.LINES;
    } catch (IOException e) {
      // Either pretty-printed JSON (the first line opens a value that goes on) or JSON Lines whose first
      // line is broken: only the first must be read as one document.
      int end = newline;
      while (end > i && Character.isWhitespace(buf[end - 1])) {
        end--;
      }
      byte last = buf[end - 1];
      boolean opensValue = last == '{' || last == '[' || last == ',' || last == ':';
      return opensValue ? Format.DOCUMENT : Format.LINES;
    }
  }

  /** The streaming formats; returns how many records were read, counting the skipped ones. */
  private int stream(JsonParser p, Format format, Located out, int skip) throws IOException {
    JsonToken first = p.nextToken();
    if (format == Format.RECORDS) {
      if (first != JsonToken.START_OBJECT) {
        out.problem(null, "expected a CloudTrail log file ({\"Records\":[...]})");
        return 0;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("Records".equals(name) && value == JsonToken.START_ARRAY) {
          elements(p, out, skip);
        } else {
          p.skipChildren();
        }
      }
    } else if (format == Format.ARRAY) {
      elements(p, out, skip);
    } else {
      for (JsonToken t = first; t != null; t = p.nextToken()) {
        if (t == JsonToken.START_ARRAY) {
          elements(p, out, skip);
        } else {
          element(p, out, skip);
        }
      }
    }
    return out.count;
  }

  private void elements(JsonParser p, Located out, int skip) throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new JsonParseException(p, "Unexpected end-of-input: the array is not closed");
      }
      element(p, out, skip);
    }
  }

  private void element(JsonParser p, Located out, int skip) throws IOException {
    long start = offset(p.currentTokenLocation());
    JsonNode node = p.readValueAsTree();
    long size = offset(p.currentLocation()) - start;
    out.count++;
    if (out.count <= skip) {
      return;
    }
    if (size > maxRecordBytes) {
      out.problem("record " + out.count, tooBig(size));
      return;
    }
    out.deliver(node, "record ", out.count);
  }

  private String tooBig(long size) {
    return "record is " + size + " bytes, over the limit of " + maxRecordBytes
        + " (EventBridge delivers events of at most 256 KB); skipped";
  }

  private static long offset(JsonLocation location) {
    long bytes = location.getByteOffset();
    return bytes >= 0 ? bytes : location.getCharOffset();
  }

  /** JSON Lines: one event per line, each parsed alone, so a bad line costs only that line. */
  private void readLines(InputStream in, Located out) throws IOException {
    LineReader lines = new LineReader(in, maxRecordBytes);
    for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
      String where = "line " + line.number();
      if (line.tooLong()) {
        out.problem(where, "line is longer than " + maxRecordBytes
            + " bytes (EventBridge delivers events of at most 256 KB); skipped");
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      out.count++;
      JsonNode node;
      try {
        byte[] bytes = line.bytes();
        int len = line.length();
        if (!isValidUtf8(bytes, len)) {
          out.problem(where, "invalid UTF-8 byte, replaced with U+FFFD (the record is still evaluated)");
          node = Json.ONE_VALUE.readTree(new String(bytes, 0, len, StandardCharsets.UTF_8));
        } else {
          node = Json.ONE_VALUE.readTree(bytes, 0, len);
        }
      } catch (JsonProcessingException e) {
        out.problem(where + ", column " + e.getLocation().getColumnNr(), "malformed JSON: " + e.getOriginalMessage());
        continue;
      }
      if (node.isObject() && node.has("Records") && node.get("Records").isArray() && !node.has("detail")) {
        int index = 0;
        for (JsonNode record : node.get("Records")) {
          out.deliver(record, where + ", record ", ++index);
        }
      } else {
        out.deliver(node, where, 0);
      }
    }
  }

  private static boolean isValidUtf8(byte[] bytes, int len) {
    for (int i = 0; i < len; i++) {
      if (bytes[i] < 0) {
        try {
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, len));
          return true;
        } catch (CharacterCodingException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isEncodingError(JsonParseException e) {
    String message = e.getOriginalMessage();
    return message != null && message.contains("Invalid UTF-8");
  }

  /** The sink plus the file's name and the running record count, for locating problems. */
  private static final class Located {
    final String file;
    final EventSink sink;
    int count;

    Located(String file, EventSink sink) {
      this.file = file;
      this.sink = sink;
    }

    /**
     * Hands the record to the sink as an event, or reports why it is not one at {@code where} followed by
     * {@code n} (when above 0): the location is written only when there is a problem to report.
     */
    void deliver(JsonNode node, String where, int n) {
      try {
        sink.event(EventValidator.toEvent(node));
      } catch (BadRecordException e) {
        problem(n > 0 ? where + n : where, e.getMessage());
      }
    }

    void problem(String where, String reason) {
      sink.problem(new InputProblem(file, where, reason));
    }

    void syntax(JsonProcessingException e, int recordsRead) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      problem(where, "malformed JSON: " + e.getOriginalMessage() + "; the rest of this file is skipped ("
          + recordsRead + " records read before it)");
    }

    void io(IOException e) {
      if (e instanceof EOFException) {
        problem(null, "truncated file: it ends in the middle of the compressed data ("
            + count + " records read before it)");
      } else if (e instanceof ZipException) {
        problem(null, "corrupt gzip data: " + e.getMessage() + " (" + count + " records read before it)");
      } else {
        problem(null, "cannot read: " + e);
      }
    }
  }
}
