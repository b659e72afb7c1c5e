package dev.sumoclient.users;

import dev.sumoclient.users.internal.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;

/** Time that advances only when the client sleeps, so waits are recorded instead of spent. */
final class FakeTime implements TimeSource {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final AtomicLong offsetNanos = new AtomicLong();
  private final boolean frozen;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile double random = 0.5;

  /** Time that also flows with the real clock, for tests that talk HTTP with real timeouts. */
  FakeTime() {
    this(false);
  }

  private FakeTime(boolean frozen) {
    this.frozen = frozen;
  }

  /** Time that moves only when slept, for exact arithmetic in unit tests. */
  static FakeTime frozen() {
    return new FakeTime(true);
  }

  @Override
  public long nanoTime() {
    return (frozen ? 0 : System.nanoTime()) + offsetNanos.get();
  }

  @Override
  public Instant now() {
    return START.plusNanos(offsetNanos.get());
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    offsetNanos.addAndGet(duration.toNanos());
  }

  /** A timed wait advances the time instead of spending it, like {@link #sleep}. */
  @Override
  public void await(Condition condition, long nanos) {
    sleep(Duration.ofNanos(nanos));
  }

  @Override
  public double random() {
    return random;
  }

  void random(double value) {
    this.random = value;
  }

  List<Duration> sleeps() {
    return sleeps;
  }
}
