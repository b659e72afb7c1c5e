package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.SumoUsersClient;
import java.net.URI;

/** Builds the client under test the way a user would, pointed at the emulator. */
final class Clients {
  private Clients() {}

  /**
   * Returns a client with its quota limiter off, for benchmarks that measure the client itself.
   *
   * @param baseUri the emulator's base URL
   * @return the client
   */
  static SumoUsersClient unlimited(URI baseUri) {
    return builder(baseUri).rateLimiting(false).build();
  }

  /**
   * Returns a builder for the emulator with the default settings otherwise.
   *
   * @param baseUri the emulator's base URL
   * @return the builder
   */
  static SumoUsersClient.Builder builder(URI baseUri) {
    return SumoUsersClient.builder()
        .endpoint(baseUri)
        .credentials(EmulatorProcess.ACCESS_ID, EmulatorProcess.ACCESS_KEY)
        .listener(new ClientListener() {});
  }
}
