package dev.sumoclient.users.drift;

import dev.sumoclient.users.drift.internal.MinLengthDiff;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openapitools.openapidiff.core.compare.OpenApiDiff;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;

/**
 * Finds every structural difference between an old and a new description of one tag's operations.
 *
 * <p>openapi-diff does the comparison. It ignores {@code minLength}, which a plug-in teaches it
 * (see {@link MinLengthDiff}). Two kinds of fact it does not compare are checked here on the parsed
 * models: servers, and the composition of named schemas ({@code allOf}/{@code oneOf}/{@code anyOf}
 * parts), which openapi-diff merges away before it compares.
 */
final class DriftDetector {

  private final String tag;
  private final Set<String> knownLocalServers;

  /**
   * Creates a detector.
   *
   * @param tag the tag whose operations are compared
   * @param knownLocalServers servers the old description may list although the new one does not,
   *     written without a trailing slash
   */
  DriftDetector(String tag, Set<String> knownLocalServers) {
    this.tag = tag;
    this.knownLocalServers = Set.copyOf(knownLocalServers);
  }

  /**
   * Compares {@code before} with {@code after}; both models are consumed (openapi-diff edits them).
   */
  List<Drift> compare(OpenAPI before, OpenAPI after) {
    OpenAPI oldSlice = Descriptions.slice(before, tag);
    OpenAPI newSlice = Descriptions.slice(after, tag);
    List<Drift> drifts = new ArrayList<>(servers(oldSlice, newSlice));
    drifts.addAll(compositions(oldSlice, newSlice));
    markMinLengths(oldSlice);
    markMinLengths(newSlice);
    OpenApiDiffOptions options = OpenApiDiffOptions.builder().build();
    drifts.addAll(ChangeWalker.walk(OpenApiDiff.compare(oldSlice, newSlice, options)));
    return drifts.stream().distinct().toList();
  }

  /**
   * A server the new description adds is a deployment a client cannot yet pick: non-breaking. A
   * server it no longer lists is a deployment a client may still point at: breaking, unless it is a
   * known local addition (a deployment we list that the new description never had).
   */
  private List<Drift> servers(OpenAPI before, OpenAPI after) {
    Set<String> oldServers = serverUrls(before);
    Set<String> newServers = serverUrls(after);
    List<Drift> drifts = new ArrayList<>();
    for (String url : newServers) {
      if (!oldServers.contains(url)) {
        drifts.add(Drift.nonBreaking("servers › " + url, "server added"));
      }
    }
    for (String url : oldServers) {
      if (!newServers.contains(url) && !knownLocalServers.contains(url)) {
        drifts.add(Drift.breaking("servers › " + url, "server removed"));
      }
    }
    return drifts;
  }

  /** Copies each schema's minLength where openapi-diff passes it to {@link MinLengthDiff}. */
  private static void markMinLengths(OpenAPI api) {
    Descriptions.forEachSchema(
        api,
        schema -> {
          if (schema.getMinLength() != null) {
            schema.addExtension(MinLengthDiff.EXTENSION, schema.getMinLength());
          }
        });
  }

  private static Set<String> serverUrls(OpenAPI api) {
    List<Server> servers = api.getServers() == null ? List.of() : api.getServers();
    return servers.stream()
        .map(Server::getUrl)
        .map(DriftDetector::withoutTrailingSlash)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * A changed composition is reported without a verdict of its own (non-breaking): what it changes
   * for a client, the properties a model gains or loses, is reported by openapi-diff.
   */
  private static List<Drift> compositions(OpenAPI before, OpenAPI after) {
    Map<String, ?> oldSchemas = before.getComponents().getSchemas();
    Map<String, ?> newSchemas = after.getComponents().getSchemas();
    List<Drift> drifts = new ArrayList<>();
    if (oldSchemas == null || newSchemas == null) {
      return drifts;
    }
    for (String name : new TreeSet<>(oldSchemas.keySet())) {
      if (newSchemas.containsKey(name)) {
        String oldParts = composition((Schema<?>) oldSchemas.get(name));
        String newParts = composition((Schema<?>) newSchemas.get(name));
        if (!oldParts.equals(newParts)) {
          drifts.add(
              Drift.nonBreaking("schema " + name, "composition changed")
                  .values(oldParts, newParts));
        }
      }
    }
    return drifts;
  }

  private static String composition(Schema<?> schema) {
    List<String> parts = new ArrayList<>();
    parts(parts, "allOf", schema.getAllOf());
    parts(parts, "oneOf", schema.getOneOf());
    parts(parts, "anyOf", schema.getAnyOf());
    return parts.isEmpty() ? "none" : String.join("; ", parts);
  }

  private static void parts(List<String> into, String keyword, @Nullable List<?> parts) {
    if (parts == null) {
      return;
    }
    into.add(
        keyword
            + " "
            + parts.stream()
                .map(part -> ((Schema<?>) part).get$ref())
                .map(ref -> ref == null ? "(inline)" : ref.substring(ref.lastIndexOf('/') + 1))
                .collect(Collectors.joining(", ", "[", "]")));
  }
}
