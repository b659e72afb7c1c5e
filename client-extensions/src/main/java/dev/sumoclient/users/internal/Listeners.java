package dev.sumoclient.users.internal;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.Deployment;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the user's listener, so that a failing listener can never fail a call, whatever it throws.
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private static final ClientListener NONE = new ClientListener() {};
  private final ClientListener delegate;
  private final boolean active;
  private final Supplier<@Nullable Deployment> deployment;

  /**
   * Wraps the user's listener, naming in each request event the deployment calls go to.
   *
   * @param delegate the listener, or null when nobody listens
   * @param deployment the deployment calls currently go to (null for a custom endpoint)
   */
  Listeners(@Nullable ClientListener delegate, Supplier<@Nullable Deployment> deployment) {
    this.delegate = delegate == null ? NONE : delegate;
    this.active = delegate != null;
    this.deployment = deployment;
  }

  /** Whether someone listens, so callers can skip building events nobody receives. */
  boolean active() {
    return active;
  }

  void onRequestStarted(ClientListener.RequestStartEvent event) {
    guard(() -> delegate.onRequestStarted(event));
  }

  void onRequest(ClientListener.RequestEvent event) {
    guard(
        () ->
            delegate.onRequest(
                event.deployment() == null ? event.withDeployment(deployment.get()) : event));
  }

  void onRetry(ClientListener.RetryEvent event) {
    guard(() -> delegate.onRetry(event));
  }

  void onThrottled(ClientListener.ThrottleEvent event) {
    guard(() -> delegate.onThrottled(event));
  }

  void onRedirected(ClientListener.RedirectEvent event) {
    guard(() -> delegate.onRedirected(event));
  }

  /**
   * Runs a listener callback, containing whatever it throws.
   *
   * <p>Errors included: an {@code AssertionError} from a test's listener, or a {@code
   * StackOverflowError}, must not escape into the call while it holds a quota permit. A listener
   * can never break the client; what it threw is logged.
   */
  private static void guard(Runnable call) {
    try {
      call.run();
    } catch (Throwable t) {
      if (t instanceof InterruptedException) {
        // Only reachable by a sneaky throw; keep the interrupt for whoever can act on it.
        Thread.currentThread().interrupt();
      }
      try {
        LOG.warn("ClientListener threw; ignoring it", t);
      } catch (Throwable ignored) {
        // Nothing is left to do when even logging fails (out of memory, a broken appender).
      }
    }
  }
}
