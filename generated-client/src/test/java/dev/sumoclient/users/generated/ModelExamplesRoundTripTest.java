package dev.sumoclient.users.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sumoclient.users.generated.invoker.ApiClient;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated model decodes the examples written in our description and survives a round trip,
 * so a property renamed in the spec but not in the models (or the reverse) cannot slip by.
 */
class ModelExamplesRoundTripTest {

  private static final ObjectMapper MAPPER = new ApiClient().getObjectMapper();
  private static final OpenAPI SPEC = loadSpec();

  private static OpenAPI loadSpec() {
    URL spec =
        Objects.requireNonNull(
            ModelExamplesRoundTripTest.class
                .getClassLoader()
                .getResource("openapi/sumo-users.yaml"),
            "openapi/sumo-users.yaml is missing from the api-spec jar");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().read(spec.toString(), null, options);
  }

  static Stream<String> schemaNames() {
    return SPEC.getComponents().getSchemas().keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaNames")
  void decodesTheSpecExampleAndRoundTrips(String schemaName) throws Exception {
    JsonNode example = exampleOf(SPEC.getComponents().getSchemas().get(schemaName));
    Class<?> modelClass = Class.forName("dev.sumoclient.users.generated.model." + schemaName);

    Object decoded = MAPPER.treeToValue(example, modelClass);
    JsonNode encoded = MAPPER.valueToTree(decoded);
    Object decodedAgain = MAPPER.treeToValue(encoded, modelClass);

    assertThat(decodedAgain).isEqualTo(decoded);
    // Every property of the example must come back out: a dropped or renamed one would not.
    assertThat(fieldNames(encoded)).containsExactlyInAnyOrderElementsOf(fieldNames(example));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Builds a whole-object example out of the property-level examples of a schema. */
  private static JsonNode exampleOf(Schema<?> schema) {
    Schema<?> resolved = resolve(schema);
    if (resolved.getExample() != null && resolved.getProperties() == null) {
      return MAPPER.valueToTree(resolved.getExample());
    }
    if (resolved.getAllOf() != null) {
      ObjectNode merged = JsonNodeFactory.instance.objectNode();
      for (Schema<?> part : resolved.getAllOf()) {
        merged.setAll((ObjectNode) exampleOf(part));
      }
      return merged;
    }
    if (resolved.getItems() != null) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      array.add(exampleOf(resolved.getItems()));
      return array;
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    if (resolved.getProperties() != null) {
      resolved.getProperties().forEach((name, property) -> object.set(name, exampleOf(property)));
    }
    return object;
  }

  private static Schema<?> resolve(Schema<?> schema) {
    if (schema.get$ref() == null) {
      return schema;
    }
    String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
    return SPEC.getComponents().getSchemas().get(name);
  }
}
