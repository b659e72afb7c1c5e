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

  /**
   * Facts upstream states only in prose, which ours states in the schema so that validators and
   * generated code know them. Each must still differ from upstream exactly so, or this list is
   * stale and the test fails.
   */
  private static final List<Difference> STATED_FROM_UPSTREAM_PROSE =
      List.of(
          // Upstream: "`token` is set to null when no more pages are left."
          new Difference(
              "schema ListUserModelsResponse › property next › nullable",
              DescriptionFacts.ABSENT,
              "true"),
          // Upstream: "Will be null if the user has never logged in."
          new Difference(
              "schema UserModel › allOf[2] › property lastLoginTimestamp › nullable",
              DescriptionFacts.ABSENT,
              "true"));

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

    List<Difference> all = DescriptionComparison.compare(upstream, Descriptions.ours(), TAG);
    assertThat(all)
        .as("the nullable fields upstream describes in prose are stated in ours")
        .containsAll(STATED_FROM_UPSTREAM_PROSE);
    List<Difference> differences =
        all.stream().filter(d -> !STATED_FROM_UPSTREAM_PROSE.contains(d)).toList();

    assertThat(differences)
        .withFailMessage(() -> DescriptionComparison.report(differences))
        .isEmpty();
  }
}
