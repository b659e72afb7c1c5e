package dev.sumoclient.users;

import java.net.URI;

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
}
