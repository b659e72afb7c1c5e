package dev.sumoclient.users.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.V4Pact;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactRequest;
import com.atlassian.oai.validator.pact.PactResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.sumoclient.users.contract.OpenApiDescription.ApiOperation;
import dev.sumoclient.users.contract.PactFiles.PactFile;
import dev.sumoclient.users.pact.SumoPact;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every interaction of every pact with Sumo's User Management API agrees with our OpenAPI
 * description: the request the consumer sends and the response it expects are both valid there.
 *
 * <p>A contract that drifts from the description (a renamed field, a status the description does
 * not allow, a wrong type) fails here, one test per interaction, naming the interaction, the file
 * and each violation.
 */
class PactsAgreeWithOpenApiDescriptionIT {

  private static OpenApiInteractionValidator validator;
  private static List<PactFile> pacts;

  @BeforeAll
  static void readDescriptionAndPacts() {
    validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiDescription.text())
            .withBasePathOverride(SumoPact.BASE_PATH)
            // Merges UserModel's allOf before validating; otherwise each part alone would reject
            // the other parts' fields as additional properties.
            .withResolveCombinators(true)
            .build();
    pacts = PactFiles.forSumoProvider();
  }

  @TestFactory
  Stream<DynamicTest> everyInteractionAgreesWithTheDescription() {
    assertThat(pacts).as("pact files in %s", PactFiles.directory()).isNotEmpty();
    return pacts.stream()
        .flatMap(
            file ->
                file.pact().getInteractions().stream()
                    .map(
                        interaction ->
                            DynamicTest.dynamicTest(
                                file.fileName() + " :: " + interaction.getDescription(),
                                () -> assertAgrees(file, interaction))));
  }

  @Test
  void everyPactIsAV4Pact() {
    assertThat(pacts)
        .allSatisfy(file -> assertThat(file.pact()).as(file.fileName()).isInstanceOf(V4Pact.class));
  }

  @Test
  void theSdkContractCoversEveryOperationOfTheDescription() {
    List<ApiOperation> operations = OpenApiDescription.operations();
    Set<String> covered =
        sdkInteractions()
            .map(i -> operationOf(operations, i.asSynchronousRequestResponse().getRequest()))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(
            operations.stream().map(ApiOperation::operationId).toList());
    assertThat(operations).hasSize(9);
  }

  @Test
  void theSdkContractCoversTheErrorPathsUsersHit() {
    List<SynchronousRequestResponse> exchanges =
        sdkInteractions().map(Interaction::asSynchronousRequestResponse).toList();
    Set<Integer> statuses =
        exchanges.stream().map(e -> e.getResponse().getStatus()).collect(Collectors.toSet());

    assertThat(statuses).as("statuses in the SDK's pact").contains(200, 204, 400, 401, 404, 429);
    assertThat(exchanges)
        .as("a 429 on a read the contract also shows succeeding (retries: against the emulator)")
        .anySatisfy(
            throttled -> {
              assertThat(throttled.getResponse().getStatus()).isEqualTo(429);
              assertThat(exchanges)
                  .anySatisfy(
                      retried -> {
                        assertThat(retried.getResponse().getStatus()).isEqualTo(200);
                        assertThat(retried.getRequest().getMethod())
                            .isEqualTo(throttled.getRequest().getMethod());
                        assertThat(retried.getRequest().getPath())
                            .isEqualTo(throttled.getRequest().getPath());
                      });
            });
    assertThat(exchanges)
        .as("a page requested with the previous page's token")
        .anySatisfy(e -> assertThat(e.getRequest().getQuery()).containsKey("token"));
    assertThat(exchanges)
        .as("an empty page")
        .anySatisfy(
            e ->
                assertThat(e.getResponse().getBody().valueAsString())
                    .matches("\\{\\s*\"data\"\\s*:\\s*\\[\\s*]\\s*}"));
  }

  private static Stream<Interaction> sdkInteractions() {
    List<PactFile> sdk =
        pacts.stream()
            .filter(p -> p.pact().getConsumer().getName().equals(SumoPact.SDK_CONSUMER))
            .toList();
    assertThat(sdk).as("the pact of consumer %s", SumoPact.SDK_CONSUMER).hasSize(1);
    return sdk.get(0).pact().getInteractions().stream();
  }

  private static String operationOf(List<ApiOperation> operations, IRequest request) {
    return OpenApiDescription.operationFor(operations, request.getMethod(), request.getPath())
        .map(ApiOperation::operationId)
        .orElse("(none: " + request.getMethod() + " " + request.getPath() + ")");
  }

  private static void assertAgrees(PactFile file, Interaction interaction) {
    SynchronousRequestResponse exchange =
        Objects.requireNonNull(
            interaction.asSynchronousRequestResponse(),
            () -> interaction.getDescription() + " is not an HTTP request/response interaction");
    IRequest request = exchange.getRequest();
    IResponse response = exchange.getResponse();
    ValidationReport report =
        validator.validate(PactRequest.of(request), PactResponse.of(response));
    if (report.hasErrors()) {
      fail(
          "Interaction '"
              + interaction.getDescription()
              + "' of "
              + file.fileName()
              + " ("
              + request.getMethod()
              + " "
              + request.getPath()
              + " -> "
              + response.getStatus()
              + ") does not agree with "
              + OpenApiDescription.RESOURCE
              + ":\n"
              + report.getMessages().stream()
                  .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                  .map(m -> describe(m, "  - "))
                  .collect(Collectors.joining("\n")));
    }
  }

  private static String describe(ValidationReport.Message message, String indent) {
    String where =
        message
            .getContext()
            .flatMap(ValidationReport.MessageContext::getPointers)
            .map(p -> " at " + p.getInstance())
            .orElse("");
    StringBuilder text =
        new StringBuilder(indent + message.getKey() + where + ": " + message.getMessage());
    for (ValidationReport.Message nested : message.getNestedMessages()) {
      text.append('\n').append(describe(nested, "    " + indent));
    }
    return text.toString();
  }
}
