package io.trailwatch.core.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Decodes UTF-8, replacing each invalid byte sequence with U+FFFD and telling the caller its byte offset.
 * Used only after the fast byte-level parse met an invalid byte: the record with the bad byte is still
 * evaluated (an attacker must not be able to hide a call behind one stray byte), and the byte is reported.
 */
final class LenientUtf8Reader extends Reader {
  private final InputStream in;
  private final LongConsumer onInvalid;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
  private long consumed;
  private boolean eof;

  LenientUtf8Reader(InputStream in, LongConsumer onInvalid) {
    this.in = in;
    this.onInvalid = onInvalid;
    bytes.flip();
    chars.flip();
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(buf, off, n);
    return n;
  }

  private boolean fill() throws IOException {
    chars.clear();
    while (chars.position() == 0) {
      if (!eof) {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
      if (eof && !bytes.hasRemaining()) {
        break;
      }
      int before = bytes.position();
      CoderResult result = decoder.decode(bytes, chars, eof);
      consumed += bytes.position() - before;
      if ((result.isMalformed() || result.isUnmappable()) && chars.hasRemaining()) {
        onInvalid.accept(consumed);
        bytes.position(bytes.position() + result.length());
        consumed += result.length();
        chars.put('\uFFFD');
      }
    }
    chars.flip();
    return chars.hasRemaining();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
