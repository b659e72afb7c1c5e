package dev.sumoclient.users.drift;

import static dev.sumoclient.users.drift.Drift.Impact.BREAKING;
import static dev.sumoclient.users.drift.Drift.Impact.NON_BREAKING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each fixture changes one fact of base.yaml; the tool must name it and classify it. */
class DriftFixturesTest {

  @Test
  void newOptionalResponsePropertyIsNonBreaking() {
    DriftReport report = Fixtures.driftFromBaseTo("new-optional-response-property.yaml");

    assertThat(report.drifts())
        .containsExactlyInAnyOrder(
            new Drift(
                NON_BREAKING,
                "GET /v1/users (listUsers) › response 200 › data[] › isLocked",
                "optional property added",
                null,
                null),
            new Drift(
                NON_BREAKING,
                "GET /v1/users/{id} (getUser) › response 200 › isLocked",
                "optional property added",
                null,
                null),
            new Drift(
                NON_BREAKING,
                "POST /v1/users (createUser) › response 200 › isLocked",
                "optional property added",
                null,
                null));
    assertThat(report.exitCode()).isEqualTo(DriftReport.ONLY_NON_BREAKING);
  }

  @Test
  void removedQueryParameterIsBreaking() {
    DriftReport report = Fixtures.driftFromBaseTo("removed-query-parameter.yaml");

    assertThat(report.drifts())
        .containsExactly(
            new Drift(
                BREAKING,
                "GET /v1/users (listUsers) › parameter email (query)",
                "parameter removed",
                null,
                null));
    assertThat(report.exitCode()).isEqualTo(DriftReport.BREAKING);
  }

  @Test
  void requestPropertyThatBecameRequiredIsBreaking() {
    DriftReport report = Fixtures.driftFromBaseTo("request-property-became-required.yaml");

    assertThat(report.drifts())
        .contains(
            new Drift(
                BREAKING,
                "POST /v1/users (createUser) › request body › lastName",
                "became required",
                null,
                null));
    // In responses the same schema change only promises more: it breaks no reader.
    assertThat(report.drifts())
        .filteredOn(drift -> drift.where().contains("response"))
        .isNotEmpty()
        .allMatch(drift -> drift.impact() == NON_BREAKING);
    assertThat(report.exitCode()).isEqualTo(DriftReport.BREAKING);
  }

  @Test
  void narrowedMaxLengthIsBreakingForRequestsOnly() {
    DriftReport report = Fixtures.driftFromBaseTo("narrowed-max-length.yaml");

    assertThat(report.drifts())
        .containsExactlyInAnyOrder(
            new Drift(
                BREAKING,
                "POST /v1/users (createUser) › request body › firstName",
                "maxLength changed",
                "128",
                "64"),
            new Drift(
                NON_BREAKING,
                "POST /v1/users (createUser) › response 200 › firstName",
                "maxLength changed",
                "128",
                "64"),
            new Drift(
                NON_BREAKING,
                "GET /v1/users/{id} (getUser) › response 200 › firstName",
                "maxLength changed",
                "128",
                "64"),
            new Drift(
                NON_BREAKING,
                "GET /v1/users (listUsers) › response 200 › data[] › firstName",
                "maxLength changed",
                "128",
                "64"));
    assertThat(report.exitCode()).isEqualTo(DriftReport.BREAKING);
  }

  @Test
  void newOperationUnderTheTagIsNonBreaking() {
    DriftReport report = Fixtures.driftFromBaseTo("new-operation.yaml");

    assertThat(report.drifts())
        .containsExactly(
            new Drift(
                NON_BREAKING,
                "POST /v1/users/{id}/unlock (unlockUser)",
                "operation added",
                null,
                null));
    assertThat(report.exitCode()).isEqualTo(DriftReport.ONLY_NON_BREAKING);
  }

  @Test
  void removedOperationIsBreaking() {
    DriftReport report = Fixtures.driftFromBaseTo("removed-operation.yaml");

    assertThat(report.drifts())
        .containsExactly(
            new Drift(
                BREAKING, "DELETE /v1/users/{id} (deleteUser)", "operation removed", null, null));
    assertThat(report.exitCode()).isEqualTo(DriftReport.BREAKING);
  }

  @Test
  void proseAndOperationsUnderOtherTagsAreNotDrift() {
    DriftReport report = Fixtures.driftFromBaseTo("unrelated-changes.yaml");

    assertThat(report.drifts()).isEmpty();
    assertThat(report.exitCode()).isEqualTo(DriftReport.NO_DIFFERENCE);
  }

  @Test
  void minLengthAndCompositionWhichOpenApiDiffSkipsAreReported() {
    DriftReport report = Fixtures.driftFromBaseTo("min-length-and-composition.yaml");

    assertThat(report.drifts())
        .containsExactlyInAnyOrder(
            new Drift(
                BREAKING,
                "GET /v1/users (listUsers) › parameter email (query)",
                "minLength changed",
                "1",
                "3"),
            new Drift(
                NON_BREAKING,
                "schema UserModel",
                "composition changed",
                "allOf [CreateUserDefinition, (inline)]",
                "allOf [(inline)]"));
  }

  @Test
  void eachKindOfChangeGetsTheVerdictTheRulesGive() {
    DriftReport report = Fixtures.driftFromBaseTo("assorted-changes.yaml");

    assertThat(report.drifts())
        .containsExactlyInAnyOrder(
            new Drift(
                BREAKING,
                "GET /v1/users (listUsers) › parameter limit (query)",
                "maximum changed",
                "1000",
                "500"),
            new Drift(
                NON_BREAKING,
                "GET /v1/users (listUsers) › parameter limit (query)",
                "default changed",
                "100",
                "50"),
            new Drift(
                BREAKING,
                "GET /v1/users (listUsers) › parameter email (query)",
                "format changed",
                null,
                "email"),
            new Drift(
                BREAKING,
                "GET /v1/users/{id} (getUser)",
                "operation id changed",
                "getUser",
                "fetchUser"),
            new Drift(
                BREAKING,
                "GET /v1/users/{id} (getUser) › parameter view (query)",
                "required parameter added",
                null,
                null),
            new Drift(
                BREAKING,
                "GET /v1/users/{id} (getUser) › response 200 › isActive",
                "property removed",
                null,
                null),
            new Drift(
                BREAKING,
                "POST /v1/users (createUser) › response 200 › isActive",
                "property removed",
                null,
                null),
            new Drift(
                BREAKING,
                "GET /v1/users (listUsers) › response 200 › data[] › isActive",
                "property removed",
                null,
                null),
            new Drift(
                BREAKING,
                "DELETE /v1/users/{id} (deleteUser) › response 204",
                "removed",
                null,
                null),
            new Drift(
                NON_BREAKING,
                "DELETE /v1/users/{id} (deleteUser) › response 200",
                "added",
                null,
                null));
  }
}
