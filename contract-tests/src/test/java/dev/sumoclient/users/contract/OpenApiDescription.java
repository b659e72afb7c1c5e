package dev.sumoclient.users.contract;

import dev.sumoclient.users.pact.SumoPact;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Our OpenAPI description, read from the api-spec jar on the classpath. */
final class OpenApiDescription {

  /** Where sumo-users-api-spec puts the description on the classpath. */
  static final String RESOURCE = "openapi/sumo-users.yaml";

  /** One operation of the description, with a pattern that matches its concrete request paths. */
  record ApiOperation(String operationId, String method, String pathTemplate, Pattern path) {}

  private OpenApiDescription() {}

  /** The description's text. */
  static String text() {
    try (InputStream in = OpenApiDescription.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the classpath (sumo-users-api-spec)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation of the description. */
  static List<ApiOperation> operations() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text(), null, options);
    OpenAPI api = parsed.getOpenAPI();
    if (api == null) {
      throw new IllegalStateException(RESOURCE + " does not parse: " + parsed.getMessages());
    }
    List<ApiOperation> operations = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      Pattern concrete = concretePaths(SumoPact.BASE_PATH + path.getKey());
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        operations.add(
            new ApiOperation(
                op.getValue().getOperationId(),
                op.getKey().name().toUpperCase(Locale.ROOT),
                path.getKey(),
                concrete));
      }
    }
    return operations;
  }

  private static Pattern concretePaths(String template) {
    String[] literals = template.split("\\{[^}]+}", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(literals[0]));
    for (int i = 1; i < literals.length; i++) {
      regex.append("[^/]+").append(Pattern.quote(literals[i]));
    }
    return Pattern.compile(regex.toString());
  }

  /** The operation a request with this method and path calls, if any. */
  static Optional<ApiOperation> operationFor(
      List<ApiOperation> operations, String method, String path) {
    return operations.stream()
        .filter(op -> op.method().equalsIgnoreCase(method) && op.path().matcher(path).matches())
        .findFirst();
  }
}
