package dev.sumoclient.users.internal;

import dev.sumoclient.users.SumoClientException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * What {@code close()} must reach: exchanges on the wire and threads waiting for quota or a retry.
 *
 * <p>After {@link #close()} returns nothing more is sent: an exchange registers before it starts
 * and checks the flag after registering, while close sets the flag before cancelling what is
 * registered, so every exchange is either refused or cancelled. Waiting threads are interrupted
 * under a lock that they also take to leave, so an interrupt meant for a wait never outlives it.
 */
final class Lifecycle {
  private volatile boolean closed;
  private final Set<Call> exchanges = ConcurrentHashMap.newKeySet();
  private final ReentrantLock waitersLock = new ReentrantLock();
  private final Set<Thread> waiters = new HashSet<>();

  /** A wait that close() may interrupt. */
  @FunctionalInterface
  interface Wait<T> {
    T run() throws InterruptedException;
  }

  boolean isClosed() {
    return closed;
  }

  /** The failure of a call the client's close() stopped or refused. */
  static SumoClientException closedFailure(String operation, @Nullable Throwable cause) {
    return cause instanceof ClientClosedException closed
        ? closed
        : new ClientClosedException(operation, cause);
  }

  /**
   * A plain {@link SumoClientException} to callers; its own type only so it is not wrapped twice.
   */
  private static final class ClientClosedException extends SumoClientException {
    private static final long serialVersionUID = 1L;

    ClientClosedException(String operation, @Nullable Throwable cause) {
      super(operation + ": client closed; the call was stopped and nothing more is sent", cause);
    }
  }

  /**
   * Registers an exchange before it starts.
   *
   * @throws SumoClientException when the client is closed
   */
  void start(String operation, Call call) {
    exchanges.add(call);
    if (closed) {
      exchanges.remove(call);
      throw closedFailure(operation, null);
    }
  }

  void finish(Call call) {
    exchanges.remove(call);
  }

  /**
   * Runs a wait that close() ends at once with a "client closed" failure.
   *
   * @throws SumoClientException when the client closes, or the thread is interrupted, meanwhile
   */
  <T> T await(String operation, Wait<T> wait) {
    Thread self = Thread.currentThread();
    waitersLock.lock();
    try {
      if (closed) {
        throw closedFailure(operation, null);
      }
      waiters.add(self);
    } finally {
      waitersLock.unlock();
    }
    boolean closedMeanwhile;
    try {
      return wait.run();
    } catch (InterruptedException e) {
      if (closed) {
        throw closedFailure(operation, e);
      }
      self.interrupt();
      throw new SumoClientException(operation + ": interrupted while waiting", e);
    } finally {
      waitersLock.lock();
      try {
        waiters.remove(self);
        closedMeanwhile = closed;
      } finally {
        waitersLock.unlock();
      }
      if (closedMeanwhile) {
        // close() interrupted this thread while it was registered; that interrupt was ours.
        Thread.interrupted();
      }
    }
  }

  /** Refuses new exchanges and waits, cancels the exchanges under way and wakes the waiters. */
  void close() {
    waitersLock.lock();
    try {
      closed = true;
      for (Thread waiter : waiters) {
        waiter.interrupt();
      }
    } finally {
      waitersLock.unlock();
    }
    for (Call call : exchanges) {
      call.cancel();
    }
  }
}
