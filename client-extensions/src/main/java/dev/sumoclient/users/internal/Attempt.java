package dev.sumoclient.users.internal;

import org.jspecify.annotations.Nullable;

/**
 * What the transport and the error decoder need to know about the attempt in progress.
 *
 * <p>Feign's synchronous call runs on the caller's thread, so a thread-local carries this from the
 * retry loop down to the transport without widening the generated interface.
 *
 * @param operation the operation being attempted
 * @param number 1 for the first attempt
 * @param deadlineNanos the {@link TimeSource#nanoTime()} by which the whole call must finish
 */
record Attempt(Operation operation, int number, long deadlineNanos) {
  private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

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
