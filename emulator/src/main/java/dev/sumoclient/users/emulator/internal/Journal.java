package dev.sumoclient.users.emulator.internal;

import dev.sumoclient.users.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The last {@code capacity} API requests, oldest first; the oldest drop off when full. */
public final class Journal {
  private final int capacity;
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
  private long sequence;
  private volatile boolean enabled = true;

  /** An empty journal keeping at most {@code capacity} requests. */
  public Journal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity: must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  interface Entry {
    RecordedRequest withSequence(long sequence);
  }

  void add(Entry entry) {
    if (!enabled) {
      return;
    }
    synchronized (entries) {
      if (entries.size() == capacity) {
        entries.pollFirst();
      }
      entries.addLast(entry.withSequence(++sequence));
    }
  }

  /** A snapshot of the recorded requests, oldest first. */
  public List<RecordedRequest> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** The most recent request, or null when none is recorded. */
  public @Nullable RecordedRequest last() {
    synchronized (entries) {
      return entries.peekLast();
    }
  }

  /** How many requests are recorded. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Forgets every recorded request. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /** Whether requests are being recorded. */
  public boolean enabled() {
    return enabled;
  }

  /** Turns recording on or off. */
  public void enabled(boolean on) {
    this.enabled = on;
  }

  /** How many requests the journal keeps at most. */
  public int capacity() {
    return capacity;
  }
}
