package dev.sumoclient.users.drift;

import static dev.sumoclient.users.drift.Drift.Impact.BREAKING;
import static dev.sumoclient.users.drift.Drift.Impact.NON_BREAKING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerDriftTest {

  private static List<Drift> drift(Set<String> knownLocalServers) {
    return new DriftDetector(Descriptions.USER_MANAGEMENT_TAG, knownLocalServers)
        .compare(
            Descriptions.read(Fixtures.path("base.yaml")),
            Descriptions.read(Fixtures.path("servers-changed.yaml")));
  }

  @Test
  void addedServerIsNonBreakingAndRemovedServerIsBreakingIgnoringTrailingSlash() {
    assertThat(drift(Set.of()))
        .containsExactlyInAnyOrder(
            new Drift(
                NON_BREAKING,
                "servers › https://api.three.example.test/api",
                "server added",
                null,
                null),
            new Drift(
                BREAKING,
                "servers › https://api.two.example.test/api",
                "server removed",
                null,
                null));
  }

  @Test
  void knownLocalServerMissingFromTheNewDescriptionIsNotReported() {
    assertThat(drift(Set.of("https://api.two.example.test/api")))
        .extracting(Drift::change)
        .containsExactly("server added");
  }

  @Test
  void everyKnownLocalServerIsOneOfOurs() {
    List<String> ourServers =
        Descriptions.readOurs().getServers().stream()
            .map(server -> DriftDetector.withoutTrailingSlash(server.getUrl()))
            .toList();

    assertThat(SpecDrift.knownLocalServers()).isNotEmpty();
    assertThat(ourServers).containsAll(SpecDrift.knownLocalServers());
  }
}
