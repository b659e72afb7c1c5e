package dev.sumoclient.users.emulator.internal;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** The faults switched on at the moment; every field is safe to change while requests run. */
public final class FaultState {
  /** One planned failure: the status to answer and the Retry-After to send, if any. */
  public record PlannedFailure(int status, @Nullable Duration retryAfter) {}

  private volatile Duration latency = Duration.ZERO;
  private volatile @Nullable URI wrongDeployment;
  private final AtomicInteger dropsLeft = new AtomicInteger();
  private final ConcurrentLinkedQueue<PlannedFailure> failures = new ConcurrentLinkedQueue<>();

  /** The delay added to every API request. */
  public Duration latency() {
    return latency;
  }

  /** Sets the delay added to every API request. */
  public void latency(Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("latency: must not be negative, was " + value);
    }
    this.latency = value;
  }

  /** The deployment every request is redirected to, or null. */
  public @Nullable URI wrongDeployment() {
    return wrongDeployment;
  }

  /** Redirects every request to another deployment, or stops with null. */
  public void wrongDeployment(@Nullable URI otherDeploymentBase) {
    if (otherDeploymentBase != null
        && (!otherDeploymentBase.isAbsolute() || otherDeploymentBase.getHost() == null)) {
      throw new IllegalArgumentException(
          "wrongDeployment: must be an absolute URL such as https://api.us2.sumologic.com/api, was "
              + otherDeploymentBase);
    }
    this.wrongDeployment = otherDeploymentBase;
  }

  /** Plans {@code count} failures with {@code status}, after any planned already. */
  public void failNext(int count, int status, @Nullable Duration retryAfter) {
    if (count < 0) {
      throw new IllegalArgumentException("count: must not be negative, was " + count);
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status: must be from 400 to 599, was " + status);
    }
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter: must not be negative, was " + retryAfter);
    }
    for (int i = 0; i < count; i++) {
      failures.add(new PlannedFailure(status, retryAfter));
    }
  }

  /** How many planned failures remain. */
  public int pendingFailures() {
    return failures.size();
  }

  @Nullable PlannedFailure takeFailure() {
    return failures.poll();
  }

  /** Plans {@code count} more dropped connections. */
  public void dropNext(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count: must not be negative, was " + count);
    }
    dropsLeft.addAndGet(count);
  }

  /** How many planned drops remain. */
  public int pendingDrops() {
    return dropsLeft.get();
  }

  boolean takeDrop() {
    return dropsLeft.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
  }

  /** Switches every fault off. */
  public void clear() {
    latency = Duration.ZERO;
    wrongDeployment = null;
    dropsLeft.set(0);
    failures.clear();
  }
}
