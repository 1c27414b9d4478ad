package io.trailwatch.cli.bench;

import java.util.List;
import java.util.Random;

/**
 * Every random choice and every identifier of the generator, drawn from one seeded {@link Random}.
 *
 * <p>Why one source: the benchmark and the benign baseline must be byte-for-byte reproducible from a seed,
 * so nothing may come from {@code UUID.randomUUID()}, the clock or hash iteration order. {@code
 * java.util.Random}'s algorithm is fixed by its specification, so a seed gives the same stream on every
 * JVM.
 */
final class Rng {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** The alphabet of AWS key and principal ids (AKIA..., AROA...): upper case letters and digits. */
  private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  private final Random random;

  Rng(long seed) {
    this.random = new Random(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Uniform in [low, high]. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  double nextDouble() {
    return random.nextDouble();
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  @SafeVarargs
  final <T> T pick(T... items) {
    return items[random.nextInt(items.length)];
  }

  /** A version-4 UUID in its canonical lower-case form, as CloudTrail writes eventID and requestID. */
  String uuid() {
    long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    char[] out = new char[36];
    int pos = 0;
    for (int i = 0; i < 16; i++) {
      if (i == 8 || i == 12) {
        out[pos++] = '-';
      }
      out[pos++] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
    }
    for (int i = 0; i < 16; i++) {
      if (i == 0 || i == 4) {
        out[pos++] = '-';
      }
      out[pos++] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
    }
    return new String(out);
  }

  String hex(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }

  /** Upper-case id characters, the shape of the part after AKIA/ASIA/AROA/AIDA. */
  String idChars(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
    }
    return new String(out);
  }

  /** A temporary access key id: ASIA and 16 characters. */
  String sessionKeyId() {
    return "ASIA" + idChars(16);
  }

  /** S3's request id: 16 upper-case hex-like characters (S3 does not use UUIDs). */
  String s3RequestId() {
    return idChars(16);
  }

  /** Base64-looking text of the given length, for tokens, hashes and S3's x-amz-id-2. */
  String base64(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = B64[random.nextInt(64)];
    }
    return new String(out);
  }
}
