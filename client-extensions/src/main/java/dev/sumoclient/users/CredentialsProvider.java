package dev.sumoclient.users;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Supplies the credentials for each request; implement it to plug in a vault or rotating keys.
 *
 * <p>The client asks the provider before every request, so a rotated key takes effect without a new
 * client. Implementations must be thread-safe and fast (cache if the source is slow). When no
 * credentials are available, throw {@link SumoConfigurationException} naming where you looked.
 *
 * <p>The {@linkplain #defaultChain() default chain} tries, in order: the system properties {@code
 * sumologic.accessId} / {@code sumologic.accessKey}; the environment variables {@code
 * SUMOLOGIC_ACCESSID} / {@code SUMOLOGIC_ACCESSKEY}; then their aliases {@code SUMO_ACCESS_ID} /
 * {@code SUMO_ACCESS_KEY}.
 */
@FunctionalInterface
public interface CredentialsProvider {

  /**
   * Returns the credentials to use for the next request.
   *
   * @return the credentials
   * @throws SumoConfigurationException when no credentials are available
   */
  Credentials resolveCredentials();

  /**
   * Returns a short description of where this provider looks, used in error messages.
   *
   * @return the description; by default the class name
   */
  default String describe() {
    return getClass().getName();
  }

  /**
   * Returns a provider that always gives the same access id and key.
   *
   * @param accessId the access id
   * @param accessKey the access key
   * @return the provider
   * @throws SumoValidationException if either part is blank
   */
  static CredentialsProvider of(String accessId, String accessKey) {
    Credentials credentials = Credentials.of(accessId, accessKey);
    return new CredentialsProvider() {
      @Override
      public Credentials resolveCredentials() {
        return credentials;
      }

      @Override
      public String describe() {
        return "static credentials";
      }

      @Override
      public String toString() {
        return "CredentialsProvider.of(" + credentials + ")";
      }
    };
  }

  /**
   * Returns a provider reading {@code SUMOLOGIC_ACCESSID} / {@code SUMOLOGIC_ACCESSKEY}, or else
   * {@code SUMO_ACCESS_ID} / {@code SUMO_ACCESS_KEY}, from the process environment.
   *
   * @return the provider
   */
  static CredentialsProvider environment() {
    return environment(System::getenv);
  }

  /**
   * Returns a provider reading the environment variable names through the given lookup.
   *
   * @param env looks up a variable by name, returning null when unset
   * @return the provider
   */
  static CredentialsProvider environment(Function<String, @Nullable String> env) {
    return lookup(
        "environment variables",
        env,
        List.of(
            List.of("SUMOLOGIC_ACCESSID", "SUMOLOGIC_ACCESSKEY"),
            List.of("SUMO_ACCESS_ID", "SUMO_ACCESS_KEY")));
  }

  /**
   * Returns a provider reading the system properties {@code sumologic.accessId} and {@code
   * sumologic.accessKey}.
   *
   * @return the provider
   */
  static CredentialsProvider systemProperties() {
    return systemProperties(System::getProperty);
  }

  /**
   * Returns a provider reading the system property names through the given lookup.
   *
   * @param properties looks up a property by name, returning null when unset
   * @return the provider
   */
  static CredentialsProvider systemProperties(Function<String, @Nullable String> properties) {
    return lookup(
        "system properties",
        properties,
        List.of(List.of("sumologic.accessId", "sumologic.accessKey")));
  }

  /**
   * Returns the default chain: system properties, then environment variables (see the type
   * documentation for the names).
   *
   * @return the provider
   */
  static CredentialsProvider defaultChain() {
    return chain(systemProperties(), environment());
  }

  /**
   * Returns a provider that asks each provider in turn and uses the first that has credentials.
   *
   * @param providers the providers, in order
   * @return the provider; when none has credentials its exception names every source tried
   */
  static CredentialsProvider chain(CredentialsProvider... providers) {
    List<CredentialsProvider> all = List.of(providers);
    return new CredentialsProvider() {
      @Override
      public Credentials resolveCredentials() {
        List<String> tried = new ArrayList<>();
        for (CredentialsProvider provider : all) {
          try {
            return provider.resolveCredentials();
          } catch (SumoConfigurationException e) {
            tried.add(e.getMessage());
          }
        }
        throw new SumoConfigurationException(
            "No Sumo Logic credentials found; tried: " + String.join("; ", tried));
      }

      @Override
      public String describe() {
        return "chain of " + all.stream().map(CredentialsProvider::describe).toList();
      }
    };
  }

  private static CredentialsProvider lookup(
      String kind, Function<String, @Nullable String> source, List<List<String>> namePairs) {
    String description =
        kind
            + " "
            + String.join(
                " or ", namePairs.stream().map(pair -> pair.get(0) + "/" + pair.get(1)).toList());
    return new CredentialsProvider() {
      @Override
      public Credentials resolveCredentials() {
        List<String> problems = new ArrayList<>();
        for (List<String> pair : namePairs) {
          String id = source.apply(pair.get(0));
          String key = source.apply(pair.get(1));
          boolean idSet = id != null && !id.isBlank();
          boolean keySet = key != null && !key.isBlank();
          if (idSet && keySet) {
            return Credentials.of(id, key);
          }
          if (idSet || keySet) {
            problems.add((idSet ? pair.get(1) : pair.get(0)) + " is missing or blank");
          }
        }
        throw new SumoConfigurationException(
            description
                + " ("
                + (problems.isEmpty() ? "not set" : String.join(", ", problems))
                + ")");
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }
}
