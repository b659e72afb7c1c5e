package dev.sumoclient.users.spring.boot;

import dev.sumoclient.users.ClientListener;
import java.util.List;

/** Passes each event to every listener bean, in order; the client guards each call. */
final class CompositeClientListener implements ClientListener {
  private final List<ClientListener> listeners;

  CompositeClientListener(List<ClientListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onRequestStarted(RequestStartEvent event) {
    for (ClientListener l : listeners) {
      l.onRequestStarted(event);
    }
  }

  @Override
  public void onRequest(RequestEvent event) {
    for (ClientListener l : listeners) {
      l.onRequest(event);
    }
  }

  @Override
  public void onRetry(RetryEvent event) {
    for (ClientListener l : listeners) {
      l.onRetry(event);
    }
  }

  @Override
  public void onThrottled(ThrottleEvent event) {
    for (ClientListener l : listeners) {
      l.onThrottled(event);
    }
  }

  @Override
  public void onRedirected(RedirectEvent event) {
    for (ClientListener l : listeners) {
      l.onRedirected(event);
    }
  }
}
