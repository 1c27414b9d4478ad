package io.trailwatch.core.port;

/** The delivery ledger could not be read or written (the state table is unreachable or throttling). */
public class LedgerUnavailableException extends RuntimeException {
  public LedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
