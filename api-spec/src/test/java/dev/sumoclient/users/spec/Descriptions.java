package dev.sumoclient.users.spec;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Loads OpenAPI descriptions the same way for ours and for upstream. */
final class Descriptions {

  static final String OURS_ON_CLASSPATH = "openapi/sumo-users.yaml";

  private Descriptions() {}

  /** Reads our description from the classpath, as users of the api-spec jar see it. */
  static String ourText() {
    try (InputStream in =
        Descriptions.class.getClassLoader().getResourceAsStream(OURS_ON_CLASSPATH)) {
      if (in == null) {
        throw new IllegalStateException(OURS_ON_CLASSPATH + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OpenAPI ours() {
    return parse(ourText(), OURS_ON_CLASSPATH);
  }

  static OpenAPI parse(String yaml, String origin) {
    return check(new OpenAPIParser().readContents(yaml, null, options()), origin);
  }

  static OpenAPI load(Path file) {
    return check(
        new OpenAPIParser().readLocation(file.toUri().toString(), null, options()),
        file.toString());
  }

  private static ParseOptions options() {
    ParseOptions options = new ParseOptions();
    // External references are resolved; references to named schemas stay, so they compare by name.
    options.setResolve(true);
    return options;
  }

  private static OpenAPI check(SwaggerParseResult result, String origin) {
    if (result.getOpenAPI() == null) {
      throw new IllegalArgumentException(
          "cannot read the OpenAPI description " + origin + ": " + result.getMessages());
    }
    return result.getOpenAPI();
  }
}
