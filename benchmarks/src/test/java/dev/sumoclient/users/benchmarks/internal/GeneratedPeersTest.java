package dev.sumoclient.users.benchmarks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The smoke test that the benchmarks' generated peers and harness run: a quick pass over what the
 * benchmarks do by hand, against an in-process emulator. It measures nothing.
 */
class GeneratedPeersTest {
  private static SumoEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = SumoEmulator.builder().seedUsers(2500).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void thePeersAreGeneratedExactlyWhenTheUpstreamDescriptionIsThere() {
    Path upstream = Path.of(System.getProperty("sumo.upstream.spec"));
    assertThat(Peers.available()).isEqualTo(Files.isRegularFile(upstream));
    assertThat(Peers.open(emulator.baseUri())).hasSize(Files.isRegularFile(upstream) ? 2 : 0);
  }

  @Test
  void everyPeerGetsIteratesAndUpdatesUsersAsItsUserWouldWriteIt() throws Exception {
    String id = emulator.users().get(0).id();
    for (Peer peer : Peers.open(emulator.baseUri())) {
      try (peer) {
        assertThat(String.valueOf(peer.getUser(id))).contains(id);
        Set<String> ids = new HashSet<>();
        long seen = peer.forEachUser(1000, (userId, email) -> ids.add(userId));
        assertThat(seen).as(peer.name()).isEqualTo(2500);
        assertThat(ids).hasSize(2500);
        peer.updateUser(id, "Ada", "Lovelace", List.of());
        assertThat(emulator.user(id).orElseThrow().firstName()).isEqualTo("Ada");
      }
    }
  }

  @Test
  void anInterleavedRunComparesTheClientWithEveryPeer() throws Exception {
    String id = emulator.users().get(0).id();
    List<Peer> peers = Peers.open(emulator.baseUri());
    try (SumoUsersClient client = Clients.unlimited(emulator.baseUri())) {
      Map<String, Interleaved.Call> contenders = new LinkedHashMap<>();
      contenders.put("client", () -> client.getUser(id));
      for (Peer peer : peers) {
        contenders.put(peer.name(), () -> peer.getUser(id));
      }
      Interleaved.Figures figures = Interleaved.measure(contenders, 5, 20);
      assertThat(figures.samplesMicros().keySet()).containsExactlyElementsOf(contenders.keySet());
      for (double[] samples : figures.samplesMicros().values()) {
        assertThat(samples).hasSize(20);
        assertThat(Stats.median(samples)).isPositive();
      }
      double[] spread =
          PeerReport.blockRatios(
              figures.samplesMicros().get("client"), figures.samplesMicros().get("client"));
      assertThat(spread).containsExactly(1.0, 1.0);
    } finally {
      Peers.closeAll(peers);
    }
  }
}
