package dev.sumoclient.users.emulator.internal;

import dev.sumoclient.users.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.List;

/** The last {@code capacity} API requests, oldest first; the oldest drop off when full. */
public final class Journal {
  private final int capacity;
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
  private long sequence;
  private volatile boolean enabled = true;

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

  public List<RecordedRequest> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  public boolean enabled() {
    return enabled;
  }

  public void enabled(boolean on) {
    this.enabled = on;
  }

  public int capacity() {
    return capacity;
  }
}
