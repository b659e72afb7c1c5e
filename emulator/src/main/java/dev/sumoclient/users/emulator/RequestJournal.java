package dev.sumoclient.users.emulator;

import dev.sumoclient.users.emulator.internal.Journal;
import java.util.List;
import java.util.Optional;

/**
 * The API requests the emulator received, oldest first, to assert on in tests.
 *
 * <p>Holds the most recent requests up to the builder's {@link
 * SumoEmulator.Builder#journalCapacity(int) capacity}. Secrets are never kept: see {@link
 * RecordedRequest}. Admin requests are not recorded.
 */
public final class RequestJournal {
  private final Journal journal;

  RequestJournal(Journal journal) {
    this.journal = journal;
  }

  /** Every recorded request, oldest first; a snapshot that later requests do not change. */
  public List<RecordedRequest> requests() {
    return journal.entries();
  }

  /** The most recent request, if any. */
  public Optional<RecordedRequest> last() {
    return Optional.ofNullable(journal.last());
  }

  /** The recorded requests with this method whose path is {@code path}, oldest first. */
  public List<RecordedRequest> requests(String method, String path) {
    return journal.entries().stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  /** How many requests are recorded. */
  public int size() {
    return journal.size();
  }

  /** Forgets every recorded request. */
  public void clear() {
    journal.clear();
  }

  /** Turns recording on or off (on by default); benchmarks may turn it off. */
  public RequestJournal enabled(boolean on) {
    journal.enabled(on);
    return this;
  }

  /** Whether requests are being recorded. */
  public boolean enabled() {
    return journal.enabled();
  }
}
