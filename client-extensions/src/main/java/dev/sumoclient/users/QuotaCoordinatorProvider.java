package dev.sumoclient.users;

import java.net.URI;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Creates a {@link QuotaCoordinator} from a URL, found through {@link java.util.ServiceLoader}.
 *
 * <p>{@link SumoUsersClient.Builder#fromEnvironment()} reads the URL of a shared quota store from
 * {@code SUMOLOGIC_QUOTA_REDIS_URL} (or the system property {@code sumologic.quotaRedisUrl}) and
 * asks the providers on the class path, in {@code ServiceLoader} order, for the first one that
 * {@linkplain #supports(URI) supports} it. A module such as {@code sumo-users-quota-redis}
 * registers its provider in {@code
 * META-INF/services/dev.sumoclient.users.QuotaCoordinatorProvider}. The client that created the
 * coordinator closes it when the client is closed.
 */
public interface QuotaCoordinatorProvider {

  /**
   * Tells whether this provider can build a coordinator for the URL, usually by its scheme.
   *
   * @param url the URL; it may carry a password, which must never be logged or put in a message
   * @return true if {@link #create(URI)} accepts it
   */
  boolean supports(URI url);

  /**
   * Creates a coordinator for the URL.
   *
   * @param url the URL, {@linkplain #supports(URI) supported} by this provider
   * @return the coordinator, owned by the caller
   * @throws SumoConfigurationException when the URL is malformed or the coordinator cannot start;
   *     the message must not contain the URL's password
   */
  QuotaCoordinator create(URI url);

  /**
   * Creates a coordinator for the URL, reading any settings of its own from the sources the URL was
   * read from.
   *
   * <p>The client calls this one, passing the system properties and the environment variables it
   * read the URL from (those given to {@link SumoUsersClient.Builder#fromEnvironment(Function)},
   * for instance), so that a provider's own settings, such as a fallback policy, come from the same
   * place as the URL. By default it ignores them and calls {@link #create(URI)}.
   *
   * @param url the URL, {@linkplain #supports(URI) supported} by this provider
   * @param properties looks up a system property by name, returning null when unset
   * @param env looks up an environment variable by name, returning null when unset
   * @return the coordinator, owned by the caller
   * @throws SumoConfigurationException when the URL or a setting is malformed, or the coordinator
   *     cannot start; the message must not contain the URL's password
   */
  default QuotaCoordinator create(
      URI url,
      Function<String, @Nullable String> properties,
      Function<String, @Nullable String> env) {
    return create(url);
  }
}
