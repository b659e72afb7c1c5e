package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.SumoUsersClient;
import java.lang.management.ManagementFactory;
import java.net.URI;

/**
 * The process that benchmark 5 launches fresh each time: builds one client (or raw baseline), makes
 * the first call, prints how long that took and exits.
 */
final class ColdStartProbe {
  static final String RESULT = "cold-start-ms=";

  private ColdStartProbe() {}

  /**
   * Runs one cold start.
   *
   * @param args the contender ({@code client}, {@code raw-jdk}, {@code raw-okhttp} or a generated
   *     peer's name, {@code okhttp-gson} or {@code native}), the emulator's base URL and a user id
   */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    String contender = args[0];
    URI base = URI.create(args[1]);
    String id = args[2];
    String email;
    switch (contender) {
      case "client" -> {
        try (SumoUsersClient client = Clients.unlimited(base)) {
          email = client.getUser(id).getEmail();
        }
      }
      case "raw-jdk" -> {
        try (RawJdkClient raw = new RawJdkClient(base.toString())) {
          email = raw.getUser(id).getEmail();
        }
      }
      case "raw-okhttp" -> {
        try (RawOkHttpClient raw = new RawOkHttpClient(base.toString())) {
          email = raw.getUser(id).getEmail();
        }
      }
      default -> {
        // A generated peer: its adapter is looked up by name, then built and called directly.
        try (Peer peer = Peers.open(contender, base)) {
          email = String.valueOf(peer.getUser(id));
        }
      }
    }
    double ms = (System.nanoTime() - start) / 1e6;
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    if (email == null) {
      throw new IllegalStateException("no email in the answer");
    }
    System.out.println(RESULT + ms + " uptime-ms=" + uptime);
  }
}
