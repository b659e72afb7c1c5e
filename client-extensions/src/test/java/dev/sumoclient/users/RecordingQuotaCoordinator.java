package dev.sumoclient.users;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A coordinator that grants every request at once and records what the client told it. */
final class RecordingQuotaCoordinator implements QuotaCoordinator {
  /** Coordinators the service-loaded provider created, newest last. */
  static final List<RecordingQuotaCoordinator> CREATED = new CopyOnWriteArrayList<>();

  final List<QuotaKey> keys = new CopyOnWriteArrayList<>();
  final List<String> events = new CopyOnWriteArrayList<>();
  final AtomicBoolean closed = new AtomicBoolean();
  final URI url;

  RecordingQuotaCoordinator() {
    this(URI.create("none:given"));
  }

  private RecordingQuotaCoordinator(URI url) {
    this.url = url;
  }

  @Override
  public QuotaPermit acquire(QuotaKey key, Quotas quotas, Duration maxWait) {
    keys.add(key);
    events.add("acquire");
    return new QuotaPermit() {
      @Override
      public Duration waited() {
        return Duration.ZERO;
      }

      @Override
      public void sent() {
        events.add("sent");
      }

      @Override
      public void close() {
        events.add("close");
      }
    };
  }

  @Override
  public void close() {
    closed.set(true);
  }

  /** Registered in META-INF/services; supports the scheme {@code recording}. */
  public static final class Provider implements QuotaCoordinatorProvider {
    @Override
    public boolean supports(URI url) {
      return "recording".equals(url.getScheme());
    }

    @Override
    public QuotaCoordinator create(URI url) {
      RecordingQuotaCoordinator coordinator = new RecordingQuotaCoordinator(url);
      CREATED.add(coordinator);
      return coordinator;
    }
  }
}
