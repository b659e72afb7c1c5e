package dev.sumoclient.users.drift;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Reads OpenAPI descriptions and cuts out the operations of one tag with what they reach. */
final class Descriptions {

  /** Where the api-spec jar puts our description. */
  static final String OURS_ON_CLASSPATH = "openapi/sumo-users.yaml";

  /** The tag of the User Management operations in Sumo Logic's description. */
  static final String USER_MANAGEMENT_TAG = "userManagement";

  private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

  private Descriptions() {}

  /** Parses the description in {@code file}; fails with the parser's messages if it cannot. */
  static OpenAPI read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no OpenAPI description at " + file);
    }
    // Read by location, so that references to neighbouring files resolve.
    return check(
        new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options()),
        file.toString());
  }

  /** Parses our description as the api-spec jar ships it. */
  static OpenAPI readOurs() {
    try (InputStream in =
        Descriptions.class.getClassLoader().getResourceAsStream(OURS_ON_CLASSPATH)) {
      if (in == null) {
        throw new IllegalStateException(
            OURS_ON_CLASSPATH + " is not on the classpath: is sumo-users-api-spec missing?");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), OURS_ON_CLASSPATH);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + OURS_ON_CLASSPATH, e);
    }
  }

  static OpenAPI parse(String text, String origin) {
    return check(new OpenAPIV3Parser().readContents(text, null, options()), origin);
  }

  private static ParseOptions options() {
    ParseOptions options = new ParseOptions();
    // References to named schemas stay references: openapi-diff follows them itself.
    options.setResolve(true);
    return options;
  }

  private static OpenAPI check(SwaggerParseResult result, String origin) {
    if (result.getOpenAPI() == null) {
      throw new IllegalArgumentException(
          "cannot parse the OpenAPI description " + origin + ": " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  /**
   * Returns a description holding only the operations tagged {@code tag}, the schemas they reach
   * and the security schemes they use, so that the rest of a full description is not compared.
   */
  static OpenAPI slice(OpenAPI api, String tag) {
    Components source = api.getComponents() == null ? new Components() : api.getComponents();
    Reachable reachable = new Reachable(source);
    Paths paths = new Paths();
    if (api.getPaths() != null) {
      api.getPaths()
          .forEach(
              (url, item) -> {
                PathItem kept = new PathItem().parameters(item.getParameters());
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (operation.getTags() != null && operation.getTags().contains(tag)) {
                            kept.operation(method, reachable.inline(operation));
                          }
                        });
                if (!kept.readOperations().isEmpty()) {
                  reachable.parameters(item.getParameters());
                  paths.addPathItem(url, kept);
                }
              });
    }
    Components components = new Components();
    reachable.schemas().forEach(components::addSchemas);
    if (source.getSecuritySchemes() != null) {
      components.setSecuritySchemes(new TreeMap<>(source.getSecuritySchemes()));
    }
    return new OpenAPI()
        .openapi(api.getOpenapi())
        .info(api.getInfo())
        .servers(api.getServers())
        .security(api.getSecurity())
        .paths(paths)
        .components(components);
  }

  /**
   * Calls {@code action} on every schema of {@code api}: those of its operations' parameters,
   * bodies and responses and those of its components, with every schema nested in them. References
   * are not followed: the schemas they name are visited among the components.
   */
  static void forEachSchema(OpenAPI api, Consumer<Schema<?>> action) {
    Deque<Schema<?>> toVisit = new ArrayDeque<>();
    Consumer<@Nullable Schema<?>> add =
        schema -> {
          if (schema != null) {
            toVisit.push(schema);
          }
        };
    if (api.getPaths() != null) {
      for (PathItem item : api.getPaths().values()) {
        listOrEmpty(item.getParameters()).forEach(p -> add.accept(p.getSchema()));
        for (Operation operation : item.readOperations()) {
          listOrEmpty(operation.getParameters()).forEach(p -> add.accept(p.getSchema()));
          if (operation.getRequestBody() != null) {
            contentSchemas(operation.getRequestBody().getContent()).forEach(add);
          }
          if (operation.getResponses() != null) {
            operation
                .getResponses()
                .values()
                .forEach(response -> contentSchemas(response.getContent()).forEach(add));
          }
        }
      }
    }
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().values().forEach(schema -> add.accept(schema));
    }
    Set<Schema<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!toVisit.isEmpty()) {
      Schema<?> schema = toVisit.pop();
      if (!visited.add(schema)) {
        continue;
      }
      action.accept(schema);
      nested(schema).forEach(add);
    }
  }

  /** The schemas written inside {@code schema}: properties, items, parts and so on. */
  private static List<@Nullable Schema<?>> nested(Schema<?> schema) {
    List<@Nullable Schema<?>> nested = new ArrayList<>();
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(property -> nested.add(property));
    }
    nested.add(schema.getItems());
    nested.add(schema.getNot());
    if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
      nested.add(additional);
    }
    for (List<?> parts : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
      if (parts != null) {
        parts.forEach(part -> nested.add((Schema<?>) part));
      }
    }
    return nested;
  }

  private static List<@Nullable Schema<?>> contentSchemas(@Nullable Content content) {
    List<@Nullable Schema<?>> schemas = new ArrayList<>();
    if (content != null) {
      content.values().forEach(media -> schemas.add(media.getSchema()));
    }
    return schemas;
  }

  private static <T> List<T> listOrEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Collects the named schemas that the kept operations reach, directly or through others. */
  private static final class Reachable {
    private final Components source;
    private final Map<String, Schema<?>> schemas = new TreeMap<>();
    private final Deque<Schema<?>> toVisit = new ArrayDeque<>();

    Reachable(Components source) {
      this.source = source;
    }

    /** Replaces references to shared parameters, bodies and responses by their targets. */
    Operation inline(Operation operation) {
      if (operation.getParameters() != null) {
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : operation.getParameters()) {
          parameters.add(resolve(parameter));
        }
        operation.setParameters(parameters);
        parameters(parameters);
      }
      if (operation.getRequestBody() != null) {
        String ref = operation.getRequestBody().get$ref();
        if (ref != null && source.getRequestBodies() != null) {
          RequestBody target = source.getRequestBodies().get(lastSegment(ref));
          if (target != null) {
            operation.setRequestBody(target);
          }
        }
        content(operation.getRequestBody().getContent());
      }
      if (operation.getResponses() != null) {
        operation.getResponses().replaceAll((code, response) -> resolve(response));
        operation.getResponses().values().forEach(response -> content(response.getContent()));
      }
      return operation;
    }

    void parameters(@Nullable List<Parameter> parameters) {
      if (parameters != null) {
        parameters.forEach(p -> schema(resolve(p).getSchema()));
      }
    }

    Map<String, Schema<?>> schemas() {
      while (!toVisit.isEmpty()) {
        visit(toVisit.pop());
      }
      return schemas;
    }

    private Parameter resolve(Parameter parameter) {
      String ref = parameter.get$ref();
      if (ref == null || source.getParameters() == null) {
        return parameter;
      }
      Parameter target = source.getParameters().get(lastSegment(ref));
      return target == null ? parameter : target;
    }

    private ApiResponse resolve(ApiResponse response) {
      String ref = response.get$ref();
      if (ref == null || source.getResponses() == null) {
        return response;
      }
      ApiResponse target = source.getResponses().get(lastSegment(ref));
      return target == null ? response : target;
    }

    private void content(@Nullable Content content) {
      if (content != null) {
        content.values().forEach(media -> schema(media.getSchema()));
      }
    }

    private void schema(@Nullable Schema<?> schema) {
      if (schema != null) {
        toVisit.push(schema);
      }
    }

    private void visit(Schema<?> schema) {
      String ref = schema.get$ref();
      if (ref != null) {
        if (ref.startsWith(SCHEMA_REF_PREFIX) && source.getSchemas() != null) {
          String name = ref.substring(SCHEMA_REF_PREFIX.length());
          Schema<?> target = source.getSchemas().get(name);
          if (target != null && schemas.putIfAbsent(name, target) == null) {
            toVisit.push(target);
          }
        }
        return;
      }
      nested(schema).forEach(this::schema);
    }

    private static String lastSegment(String ref) {
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
  }
}
