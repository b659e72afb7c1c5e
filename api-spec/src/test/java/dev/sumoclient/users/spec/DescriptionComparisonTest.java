package dev.sumoclient.users.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the detector behind the fidelity test: our own description plays "upstream" and a copy
 * with one fact changed plays "ours", so these tests need no upstream file.
 */
class DescriptionComparisonTest {

  private static final String TAG = "userManagement";

  private final OpenAPI reference = Descriptions.ours();
  private final OpenAPI changed = Descriptions.ours();

  @Test
  void identicalDescriptionsHaveNoDifference() {
    assertThat(DescriptionComparison.compare(reference, changed, TAG)).isEmpty();
  }

  @Test
  void proseIsNotAFact() {
    changed.getPaths().get("/v1/users").getGet().setSummary("Something else entirely.");
    schema("CreateUserDefinition").setDescription("Reworded.");
    property("CreateUserDefinition", "firstName").setExample("Bob");

    assertThat(DescriptionComparison.compare(reference, changed, TAG)).isEmpty();
  }

  @Test
  void droppedParameterIsNamedWithItsOperation() {
    Operation listUsers = changed.getPaths().get("/v1/users").getGet();
    listUsers.getParameters().removeIf(p -> p.getName().equals("limit"));

    assertThat(DescriptionComparison.compare(reference, changed, TAG))
        .extracting(Difference::toString)
        .containsExactly(
            "GET /v1/users › parameter limit in query: upstream present, ours (absent)");
  }

  @Test
  void renamedPropertyIsReportedAsOneMissingAndOneExtraProperty() {
    var properties = schema("CreateUserDefinition").getProperties();
    properties.put("givenName", properties.remove("firstName"));

    assertThat(DescriptionComparison.compare(reference, changed, TAG))
        .extracting(Difference::toString)
        .containsExactly(
            "schema CreateUserDefinition › property firstName: upstream present, ours (absent)",
            "schema CreateUserDefinition › property givenName: upstream (absent), ours present");
  }

  @Test
  void changedMaxLengthNamesSchemaPropertyAndBothValues() {
    property("ChangeEmailRequest", "email").setMaxLength(254);

    assertThat(DescriptionComparison.compare(reference, changed, TAG))
        .extracting(Difference::toString)
        .containsExactly(
            "schema ChangeEmailRequest › property email › maxLength: upstream 255, ours 254");
  }

  @Test
  void changedParameterBoundNamesParameterAndBothValues() {
    Operation listUsers = changed.getPaths().get("/v1/users").getGet();
    listUsers.getParameters().get(0).getSchema().setMaximum(BigDecimal.valueOf(500));

    assertThat(DescriptionComparison.compare(reference, changed, TAG))
        .containsExactly(
            new Difference("GET /v1/users › parameter limit in query › maximum", "1000", "500"));
  }

  @Test
  void changedRequiredListIsReported() {
    schema("DisableMfaRequest").setRequired(List.of("email"));

    assertThat(DescriptionComparison.compare(reference, changed, TAG))
        .containsExactly(
            new Difference("schema DisableMfaRequest › required", "email, password", "email"));
  }

  @Test
  void droppedAllOfPartOfUserModelIsReported() {
    schema("UserModel").getAllOf().remove(1);

    assertThat(DescriptionComparison.compare(reference, changed, TAG))
        .extracting(Difference::where)
        .contains("schema UserModel › allOf");
  }

  @Test
  void upstreamServerMissingFromOursIsReportedButOurExtraServersAreNot() {
    changed.getServers().removeIf(s -> s.getUrl().equals("https://api.de.sumologic.com/api"));

    assertThat(DescriptionComparison.compare(reference, changed, TAG))
        .containsExactly(
            new Difference(
                "servers › https://api.de.sumologic.com/api",
                DescriptionFacts.PRESENT,
                DescriptionFacts.ABSENT));
    assertThat(DescriptionComparison.compare(changed, reference, TAG)).isEmpty();
  }

  @Test
  void reportListsEveryDifferenceOnItsOwnLine() {
    property("ChangeEmailRequest", "email").setMaxLength(254);
    changed.getPaths().get("/v1/users").getGet().getParameters().remove(0);

    String report =
        DescriptionComparison.report(DescriptionComparison.compare(reference, changed, TAG));

    assertThat(report)
        .isEqualTo(
            "2 fact(s) of our description differ from upstream:\n"
                + "  - GET /v1/users › parameter limit in query: upstream present, ours (absent)\n"
                + "  - schema ChangeEmailRequest › property email › maxLength: upstream 255, ours 254");
  }

  private Schema<?> schema(String name) {
    return changed.getComponents().getSchemas().get(name);
  }

  private Schema<?> property(String schema, String property) {
    return schema(schema).getProperties().get(property);
  }
}
