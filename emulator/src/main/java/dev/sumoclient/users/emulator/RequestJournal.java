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

  /**
   * Every recorded request, oldest first; a snapshot that later requests do not change.
   *
   * @return the recorded requests, at most the journal's capacity, oldest first
   */
  public List<RecordedRequest> requests() {
    return journal.entries();
  }

  /**
   * The most recent request, if any.
   *
   * @return the latest recorded request, or empty if none is recorded
   */
  public Optional<RecordedRequest> last() {
    return Optional.ofNullable(journal.last());
  }

  /**
   * The recorded requests with this method whose path is {@code path}, oldest first.
   *
   * @param method the HTTP method in upper case, e.g. {@code GET}
   * @param path the path as sent, still percent-encoded and without the query, e.g. {@code
   *     /api/v1/users/AB}
   * @return the matching requests, oldest first; empty if none match
   */
  public List<RecordedRequest> requests(String method, String path) {
    return journal.entries().stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  /**
   * How many requests are recorded.
   *
   * @return the number of requests held, at most the journal's capacity
   */
  public int size() {
    return journal.size();
  }

  /** Forgets every recorded request. */
  public void clear() {
    journal.clear();
  }

  /**
   * Turns recording on or off (on by default); benchmarks may turn it off.
   *
   * @param on true to record later requests, false to stop; requests already recorded stay
   * @return this journal, for chaining
   */
  public RequestJournal enabled(boolean on) {
    journal.enabled(on);
    return this;
  }

  /**
   * Whether requests are being recorded.
   *
   * @return true if new API requests are added to the journal
   */
  public boolean enabled() {
    return journal.enabled();
  }
}
