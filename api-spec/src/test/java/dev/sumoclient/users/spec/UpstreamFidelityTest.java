package dev.sumoclient.users.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamFidelityTest {

  private static final String TAG = "userManagement";

  @Test
  void ourDescriptionStatesExactlyTheUpstreamUserManagementFacts() {
    String location = System.getProperty("sumo.upstream.spec", "");
    Path upstreamFile = Path.of(location);
    assumeTrue(
        !location.isBlank() && Files.isRegularFile(upstreamFile),
        () ->
            "upstream description not found at '"
                + location
                + "' (system property sumo.upstream.spec): fidelity to upstream not checked");
    OpenAPI upstream = Descriptions.load(upstreamFile);

    // Guards against a vacuous pass: an empty selection upstream would compare nothing.
    Map<String, String> upstreamFacts = DescriptionFacts.of(upstream, TAG);
    assertThat(upstreamFacts)
        .as("upstream operations tagged %s", TAG)
        .containsValues(
            "listUsers",
            "createUser",
            "getUser",
            "updateUser",
            "deleteUser",
            "requestChangeEmail",
            "resetPassword",
            "unlockUser",
            "disableMfa");

    List<Difference> differences =
        DescriptionComparison.compare(upstream, Descriptions.ours(), TAG);

    assertThat(differences)
        .withFailMessage(() -> DescriptionComparison.report(differences))
        .isEmpty();
  }
}
