package dev.sumoclient.users.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Flattens the operations of one tag, and every schema they reach, into named facts.
 *
 * <p>Each fact is a path of segments joined by {@link #SEPARATOR} mapped to a value, so that two
 * descriptions compare as two sorted maps. Every operation, parameter, response, schema and
 * property also gets a {@link #PRESENT} fact of its own: when one side lacks a whole element, the
 * comparison reports that element once instead of every fact beneath it. Prose (summaries,
 * descriptions, examples, titles) is left out on purpose: ours is written in our own words.
 */
final class DescriptionFacts {

  static final String SEPARATOR = " › ";
  static final String PRESENT = "present";
  static final String ABSENT = "(absent)";

  private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

  private final OpenAPI api;
  private final SortedMap<String, String> facts = new TreeMap<>();
  private final Deque<String> schemasToVisit = new ArrayDeque<>();
  private final Set<String> visitedSchemas = new HashSet<>();

  private DescriptionFacts(OpenAPI api) {
    this.api = api;
  }

  /** Returns the facts of the operations tagged {@code tag} and of the schemas they reach. */
  static SortedMap<String, String> of(OpenAPI api, String tag) {
    DescriptionFacts collector = new DescriptionFacts(api);
    collector.collectOperations(tag);
    collector.collectReachableSchemas();
    return collector.facts;
  }

  private void collectOperations(String tag) {
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (operation.getTags() != null && operation.getTags().contains(tag)) {
                            collectOperation(method + " " + path, operation);
                          }
                        }));
  }

  private void collectOperation(String where, Operation operation) {
    put(where, PRESENT);
    put(where + SEPARATOR + "operationId", operation.getOperationId());
    for (Parameter parameter : listOrEmpty(operation.getParameters())) {
      String at =
          where + SEPARATOR + "parameter " + parameter.getName() + " in " + parameter.getIn();
      put(at, PRESENT);
      put(
          at + SEPARATOR + "required",
          String.valueOf(Boolean.TRUE.equals(parameter.getRequired())));
      schema(at, parameter.getSchema());
    }
    RequestBody body = operation.getRequestBody();
    if (body != null) {
      String at = where + SEPARATOR + "request body";
      put(at, PRESENT);
      put(at + SEPARATOR + "required", String.valueOf(Boolean.TRUE.equals(body.getRequired())));
      content(at, body.getContent());
    }
    if (operation.getResponses() != null) {
      for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
        String at = where + SEPARATOR + "response " + response.getKey();
        put(at, PRESENT);
        content(at, response.getValue().getContent());
      }
    }
  }

  private void content(String where, @Nullable Content content) {
    if (content == null) {
      return;
    }
    content.forEach(
        (mediaType, media) -> {
          String at = where + SEPARATOR + mediaType;
          put(at, PRESENT);
          schema(at, media.getSchema());
        });
  }

  private void collectReachableSchemas() {
    Map<String, ?> schemas =
        api.getComponents() == null || api.getComponents().getSchemas() == null
            ? Map.of()
            : api.getComponents().getSchemas();
    while (!schemasToVisit.isEmpty()) {
      String name = schemasToVisit.pop();
      if (!visitedSchemas.add(name)) {
        continue;
      }
      String at = "schema " + name;
      if (schemas.get(name) instanceof Schema<?> schema) {
        put(at, PRESENT);
        schema(at, schema);
      } else {
        put(at, "(dangling $ref)");
      }
    }
  }

  private void schema(String where, @Nullable Schema<?> schema) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = schemaName(schema.get$ref());
      put(where + SEPARATOR + "$ref", name);
      schemasToVisit.add(name);
      return;
    }
    put(where + SEPARATOR + "type", schema.getType());
    put(where + SEPARATOR + "format", schema.getFormat());
    put(where + SEPARATOR + "minimum", number(schema.getMinimum()));
    put(where + SEPARATOR + "maximum", number(schema.getMaximum()));
    put(where + SEPARATOR + "exclusiveMinimum", bool(schema.getExclusiveMinimum()));
    put(where + SEPARATOR + "exclusiveMaximum", bool(schema.getExclusiveMaximum()));
    put(where + SEPARATOR + "default", text(schema.getDefault()));
    put(where + SEPARATOR + "minLength", text(schema.getMinLength()));
    put(where + SEPARATOR + "maxLength", text(schema.getMaxLength()));
    put(where + SEPARATOR + "pattern", schema.getPattern());
    put(where + SEPARATOR + "minItems", text(schema.getMinItems()));
    put(where + SEPARATOR + "maxItems", text(schema.getMaxItems()));
    put(where + SEPARATOR + "nullable", bool(schema.getNullable()));
    put(where + SEPARATOR + "enum", sortedList(schema.getEnum()));
    put(where + SEPARATOR + "required", sortedList(schema.getRequired()));
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach(
              (name, property) -> {
                String at = where + SEPARATOR + "property " + name;
                put(at, PRESENT);
                schema(at, property);
              });
    }
    schema(where + SEPARATOR + "items", schema.getItems());
    if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
      schema(where + SEPARATOR + "additionalProperties", additional);
    }
    composition(where, "allOf", schema.getAllOf());
    composition(where, "oneOf", schema.getOneOf());
    composition(where, "anyOf", schema.getAnyOf());
  }

  private void composition(String where, String keyword, @Nullable List<?> parts) {
    if (parts == null) {
      return;
    }
    put(where + SEPARATOR + keyword, parts.size() + " parts");
    for (int i = 0; i < parts.size(); i++) {
      schema(where + SEPARATOR + keyword + "[" + i + "]", (Schema<?>) parts.get(i));
    }
  }

  private void put(String where, @Nullable String value) {
    if (value != null) {
      facts.put(where, value);
    }
  }

  private static String schemaName(String ref) {
    return ref.startsWith(SCHEMA_REF_PREFIX) ? ref.substring(SCHEMA_REF_PREFIX.length()) : ref;
  }

  private static @Nullable String number(@Nullable BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  private static @Nullable String bool(@Nullable Boolean value) {
    return value == null ? null : value.toString();
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }

  private static @Nullable String sortedList(@Nullable List<?> values) {
    return values == null
        ? null
        : values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  private static <T> List<T> listOrEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }
}
