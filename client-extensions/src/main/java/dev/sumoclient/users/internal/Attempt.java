package dev.sumoclient.users.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the transport and the error decoder need to know about the attempt in progress, and what the
 * transport learns during it.
 *
 * <p>Feign's synchronous call runs on the caller's thread, so a thread-local carries this from the
 * retry loop down to the transport without widening the generated interface. Only that one thread
 * reads and writes it.
 */
final class Attempt {
  private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

  private final Operation operation;
  private final int number;
  private final long deadlineNanos;

  /** The access key and Basic token this attempt was sent with, for redaction. */
  private List<String> secrets = List.of();

  private @Nullable String contentType;

  /**
   * Creates an attempt.
   *
   * @param operation the operation being attempted
   * @param number 1 for the first attempt
   * @param deadlineNanos the {@link TimeSource#nanoTime()} by which the whole call must finish
   */
  Attempt(Operation operation, int number, long deadlineNanos) {
    this.operation = operation;
    this.number = number;
    this.deadlineNanos = deadlineNanos;
  }

  Operation operation() {
    return operation;
  }

  int number() {
    return number;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  /**
   * Records the credentials' secret parts, which no message built from the answer may show.
   *
   * @param secrets the access key and the Basic token
   */
  void sentWith(List<String> secrets) {
    this.secrets = secrets;
  }

  List<String> secrets() {
    return secrets;
  }

  /** Records the answer's {@code Content-Type}, for a message about a body that cannot be read. */
  void answered(@Nullable String contentType) {
    this.contentType = contentType;
  }

  @Nullable String contentType() {
    return contentType;
  }

  static @Nullable Attempt current() {
    return CURRENT.get();
  }

  static Attempt require() {
    Attempt attempt = CURRENT.get();
    if (attempt == null) {
      throw new IllegalStateException("no Sumo call in progress on this thread");
    }
    return attempt;
  }

  void install() {
    CURRENT.set(this);
  }

  static void clear() {
    CURRENT.remove();
  }
}
