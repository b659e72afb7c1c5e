package dev.sumoclient.users.spring.boot;

import dev.sumoclient.users.ClientListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes each event to every listener bean, in order; one listener that throws is logged and does
 * not keep the others from hearing the event.
 */
final class CompositeClientListener implements ClientListener {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeClientListener.class);
  private final List<ClientListener> listeners;

  CompositeClientListener(List<ClientListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  private void each(Consumer<ClientListener> call) {
    for (ClientListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("ClientListener {} threw; ignoring it", l.getClass().getName(), e);
      }
    }
  }

  @Override
  public void onRequestStarted(RequestStartEvent event) {
    each(l -> l.onRequestStarted(event));
  }

  @Override
  public void onRequest(RequestEvent event) {
    each(l -> l.onRequest(event));
  }

  @Override
  public void onRetry(RetryEvent event) {
    each(l -> l.onRetry(event));
  }

  @Override
  public void onThrottled(ThrottleEvent event) {
    each(l -> l.onThrottled(event));
  }

  @Override
  public void onRedirected(RedirectEvent event) {
    each(l -> l.onRedirected(event));
  }
}
