package io.trailwatch.core.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it and without ever holding more than one bounded line:
 * a line longer than the limit is skipped to its end and reported, not buffered.
 */
final class LineReader {
  private final InputStream in;
  private final int maxLength;
  private byte[] buf = new byte[8192];
  private int number;

  record Line(int number, byte[] bytes, int length, boolean tooLong) {
    boolean isBlank() {
      for (int i = 0; i < length; i++) {
        if (!Character.isWhitespace(bytes[i])) {
          return false;
        }
      }
      return true;
    }
  }

  LineReader(InputStream in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  Line next() throws IOException {
    int len = 0;
    boolean tooLong = false;
    int b = in.read();
    if (b < 0) {
      return null;
    }
    number++;
    while (b >= 0 && b != '\n') {
      if (len < maxLength) {
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, Math.min(maxLength, buf.length * 2));
        }
        buf[len++] = (byte) b;
      } else {
        tooLong = true;
      }
      b = in.read();
    }
    if (len > 0 && buf[len - 1] == '\r') {
      len--;
    }
    return new Line(number, buf, len, tooLong);
  }
}
