package io.trailwatch.core.config;

import java.math.BigInteger;

/**
 * CIDR blocks, IPv4 and IPv6, parsed without ever asking DNS (InetAddress would resolve a typo as a host
 * name). Used to validate trusted networks and to test a source IP against them.
 */
public final class Cidr {
  private final BigInteger network;
  private final int bits;
  private final int prefix;

  private Cidr(BigInteger network, int bits, int prefix) {
    this.network = network;
    this.bits = bits;
    this.prefix = prefix;
  }

  /** Why the text is not a CIDR block, or null when it is one. */
  public static String check(String text) {
    try {
      parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("no /prefix (write 203.0.113.7/32 for one address)");
    }
    String address = text.substring(0, slash);
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the prefix '" + text.substring(slash + 1) + "' is not a number");
    }
    BigInteger value;
    int bits;
    if (address.contains(":")) {
      value = ipv6(address);
      bits = 128;
    } else {
      value = ipv4(address);
      bits = 32;
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("the prefix /" + prefix + " is out of range (0 to " + bits + ")");
    }
    return new Cidr(value.shiftRight(bits - prefix), bits, prefix);
  }

  /** True when the address (IPv4 or IPv6 text) is inside the block; false for anything else. */
  public boolean contains(String ip) {
    if (ip == null) {
      return false;
    }
    try {
      BigInteger value = ip.contains(":") ? ipv6(ip) : ipv4(ip);
      int width = ip.contains(":") ? 128 : 32;
      return width == bits && value.shiftRight(bits - prefix).equals(network);
    } catch (IllegalArgumentException e) {
      return false; // a service name such as "lambda.amazonaws.com" is in no network
    }
  }

  private static BigInteger ipv4(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("'" + address + "' is not an IPv4 address (four numbers 0-255)");
    }
    long v = 0;
    for (String p : parts) {
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
        throw new IllegalArgumentException("'" + address + "' is not an IPv4 address (four numbers 0-255)");
      }
      v = (v << 8) | Integer.parseInt(p);
    }
    return BigInteger.valueOf(v);
  }

  private static BigInteger ipv6(String address) {
    String[] halves = address.split("::", -1);
    if (halves.length > 2) {
      throw new IllegalArgumentException("'" + address + "' is not an IPv6 address");
    }
    String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
    String[] tail = halves.length == 2 && !halves[1].isEmpty() ? halves[1].split(":", -1) : new String[0];
    int groups = head.length + tail.length;
    if (halves.length == 1 ? groups != 8 : groups > 7) {
      throw new IllegalArgumentException("'" + address + "' is not an IPv6 address");
    }
    BigInteger v = BigInteger.ZERO;
    for (String g : head) {
      v = v.shiftLeft(16).or(group(g, address));
    }
    v = v.shiftLeft(16 * (8 - groups));
    for (String g : tail) {
      v = v.shiftLeft(16).or(group(g, address));
    }
    return v;
  }

  private static BigInteger group(String g, String address) {
    if (!g.matches("[0-9a-fA-F]{1,4}")) {
      throw new IllegalArgumentException("'" + address + "' is not an IPv6 address");
    }
    return BigInteger.valueOf(Integer.parseInt(g, 16));
  }
}
