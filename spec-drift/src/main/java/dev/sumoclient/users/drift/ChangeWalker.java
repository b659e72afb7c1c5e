package dev.sumoclient.users.drift;

import dev.sumoclient.users.drift.internal.MinLengthChange;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedExtensions;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedNumericRange;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Turns openapi-diff's tree of changes into a flat list of {@link Drift}s, one per changed fact.
 *
 * <p>openapi-diff classifies each change for a client that keeps running against a changed server;
 * where a regenerated Java client breaks in addition, the rule here is stricter and says why. Prose
 * (summaries, descriptions, examples, titles) and vendor extensions are not reported: our
 * description words them on purpose differently from upstream.
 */
final class ChangeWalker {

  private final List<Drift> drifts = new ArrayList<>();

  private ChangeWalker() {}

  static List<Drift> walk(ChangedOpenApi diff) {
    ChangeWalker walker = new ChangeWalker();
    walker.endpoints(diff);
    diff.getChangedOperations().forEach(walker::operation);
    return walker.drifts;
  }

  private void endpoints(ChangedOpenApi diff) {
    for (Endpoint added : diff.getNewEndpoints()) {
      drifts.add(Drift.nonBreaking(operationName(added), "operation added"));
    }
    for (Endpoint removed : diff.getMissingEndpoints()) {
      drifts.add(Drift.breaking(operationName(removed), "operation removed"));
    }
  }

  private void operation(ChangedOperation changed) {
    String where =
        operationName(changed.getHttpMethod(), changed.getPathUrl(), changed.getOldOperation());
    if (changed.getOperationId() != null && changed.getOperationId().isDifferent()) {
      // The generated client names its method after the operation id.
      drifts.add(
          Drift.breaking(where, "operation id changed")
              .values(changed.getOperationId().getLeft(), changed.getOperationId().getRight()));
    }
    if (changed.isDeprecated()) {
      drifts.add(Drift.nonBreaking(where, "deprecation changed"));
    }
    parameters(where, changed.getParameters());
    requestBody(where + " › request body", changed.getRequestBody());
    responses(where, changed.getApiResponses());
    other(where, "security requirements changed", changed.getSecurityRequirements());
  }

  private void parameters(String where, @Nullable ChangedParameters changed) {
    if (changed == null) {
      return;
    }
    for (Parameter added : changed.getIncreased()) {
      boolean required = Boolean.TRUE.equals(added.getRequired());
      drifts.add(
          Drift.of(
              required,
              where + " › " + parameterName(added.getName(), added.getIn()),
              required ? "required parameter added" : "optional parameter added"));
    }
    for (Parameter removed : changed.getMissing()) {
      // The generated method loses an argument that callers pass today.
      drifts.add(
          Drift.breaking(
              where + " › " + parameterName(removed.getName(), removed.getIn()),
              "parameter removed"));
    }
    for (ChangedParameter parameter : changed.getChanged()) {
      parameter(where + " › " + parameterName(parameter.getName(), parameter.getIn()), parameter);
    }
  }

  private void parameter(String where, ChangedParameter changed) {
    if (changed.isChangeRequired()) {
      boolean nowRequired = Boolean.TRUE.equals(changed.getNewParameter().getRequired());
      drifts.add(Drift.of(nowRequired, where, nowRequired ? "became required" : "became optional"));
    }
    if (changed.isDeprecated()) {
      drifts.add(Drift.nonBreaking(where, "deprecation changed"));
    }
    if (changed.isChangeStyle()) {
      drifts.add(
          Drift.breaking(where, "style changed")
              .values(changed.getOldParameter().getStyle(), changed.getNewParameter().getStyle()));
    }
    if (changed.isChangeExplode()) {
      drifts.add(
          Drift.breaking(where, "explode changed")
              .values(
                  changed.getOldParameter().getExplode(), changed.getNewParameter().getExplode()));
    }
    if (changed.isChangeAllowEmptyValue()) {
      boolean nowAllowed = Boolean.TRUE.equals(changed.getNewParameter().getAllowEmptyValue());
      drifts.add(Drift.of(!nowAllowed, where, "allowEmptyValue changed"));
    }
    schema(where, changed.getSchema());
    content(where, changed.getContent());
  }

  private void requestBody(String where, @Nullable ChangedRequestBody changed) {
    if (changed == null) {
      return;
    }
    if (changed.getOldRequestBody() == null || changed.getNewRequestBody() == null) {
      boolean added = changed.getOldRequestBody() == null;
      boolean breaking = !added || Boolean.TRUE.equals(changed.getNewRequestBody().getRequired());
      drifts.add(Drift.of(breaking, where, added ? "request body added" : "request body removed"));
      return;
    }
    if (changed.isChangeRequired()) {
      boolean nowRequired = Boolean.TRUE.equals(changed.getNewRequestBody().getRequired());
      drifts.add(Drift.of(nowRequired, where, nowRequired ? "became required" : "became optional"));
    }
    content(where, changed.getContent());
  }

  private void responses(String where, @Nullable ChangedApiResponse changed) {
    if (changed == null) {
      return;
    }
    changed
        .getIncreased()
        .keySet()
        .forEach(code -> drifts.add(Drift.nonBreaking(where + " › response " + code, "added")));
    changed
        .getMissing()
        .keySet()
        .forEach(code -> drifts.add(Drift.breaking(where + " › response " + code, "removed")));
    for (Map.Entry<String, ChangedResponse> response : changed.getChanged().entrySet()) {
      String at = where + " › response " + response.getKey();
      other(at, "headers changed", response.getValue().getHeaders());
      content(at, response.getValue().getContent());
    }
  }

  private void content(String where, @Nullable ChangedContent changed) {
    if (changed == null) {
      return;
    }
    for (String mediaType : changed.getIncreased().keySet()) {
      drifts.add(Drift.nonBreaking(where + " › " + mediaType, "media type added"));
    }
    for (String mediaType : changed.getMissing().keySet()) {
      // A request body the client sends in a media type the server no longer takes is refused;
      // a response the client expects in a media type it no longer gets cannot be read.
      drifts.add(Drift.breaking(where + " › " + mediaType, "media type removed"));
    }
    for (Map.Entry<String, ChangedMediaType> media : changed.getChanged().entrySet()) {
      // JSON is the norm here; other media types are named so they cannot be mistaken for it.
      String at =
          media.getKey().equals("application/json") ? where : where + " › " + media.getKey();
      schema(at, media.getValue().getSchema());
    }
  }

  private void schema(String where, @Nullable ChangedSchema changed) {
    if (changed == null || !changed.isDifferent()) {
      return;
    }
    Schema<?> before = changed.getOldSchema();
    Schema<?> after = changed.getNewSchema();
    boolean request = changed.getContext().isRequest();
    if (before == null || after == null) {
      drifts.add(
          Drift.of(before != null, where, before == null ? "schema added" : "schema removed"));
      return;
    }
    if (changed.isChangedType() || changed.isChangeFormat()) {
      // Type and format pick the generated Java type (String, Integer, Long, OffsetDateTime...).
      // openapi-diff marks a format change as a type change and compares nothing further.
      drifts.add(
          Objects.equals(before.getType(), after.getType())
              ? Drift.breaking(where, "format changed")
                  .values(before.getFormat(), after.getFormat())
              : Drift.breaking(where, "type changed").values(typeOf(before), typeOf(after)));
    }
    if (changed.isChangeDefault()) {
      drifts.add(
          Drift.nonBreaking(where, "default changed")
              .values(before.getDefault(), after.getDefault()));
    }
    if (changed.isChangeDeprecated()) {
      drifts.add(Drift.nonBreaking(where, "deprecation changed"));
    }
    if (changed.isDiscriminatorPropertyChanged()) {
      drifts.add(Drift.breaking(where, "discriminator changed"));
    }
    Set<String> added = changed.getIncreasedProperties().keySet();
    Set<String> removed = changed.getMissingProperties().keySet();
    for (String name : added) {
      // A new property the client must send breaks it; any other new property does not.
      boolean required = request && requiredIn(after, name);
      drifts.add(
          Drift.of(
              required,
              where + " › " + name,
              required ? "required property added" : "optional property added"));
    }
    for (String name : removed) {
      // The regenerated model loses the accessor; today's clients stop getting or sending it.
      drifts.add(Drift.breaking(where + " › " + name, "property removed"));
    }
    required(where, changed.getRequired(), added, removed, request);
    lengths(where, changed, before, after);
    range(where, changed.getNumericRange(), before, after);
    other(where, "enum changed", changed.getEnumeration());
    other(where, "pattern changed", changed.getPattern());
    other(where, "minItems changed", changed.getMinItems());
    other(where, "maxItems changed", changed.getMaxItems());
    other(where, "uniqueItems changed", changed.getUniqueItems());
    other(where, "multipleOf changed", changed.getMultipleOf());
    if (!nullableFromUpstreamProse(before, after)) {
      other(where, "nullable changed", changed.getNullable());
    }
    other(where, "readOnly changed", changed.getReadOnly());
    other(where, "writeOnly changed", changed.getWriteOnly());
    other(where, "minProperties changed", changed.getMinProperties());
    other(where, "maxProperties changed", changed.getMaxProperties());
    other(where, "oneOf changed", changed.getOneOfSchema());
    schema(where + " › additionalProperties", changed.getAddProp());
    schema(where + "[]", changed.getItems());
    changed
        .getChangedProperties()
        .forEach((name, property) -> schema(where + " › " + name, property));
  }

  /**
   * The extension with which our description marks a {@code nullable: true} that upstream states
   * only in prose (quoting it); such a schema does not drift from upstream's, which lacks the flag.
   */
  static final String NULLABLE_FROM_UPSTREAM_PROSE = "x-sumo-nullable-from-upstream-prose";

  private static boolean nullableFromUpstreamProse(Schema<?> ours, Schema<?> upstream) {
    return Boolean.TRUE.equals(ours.getNullable())
        && ours.getExtensions() != null
        && ours.getExtensions().get(NULLABLE_FROM_UPSTREAM_PROSE) instanceof String
        && !Boolean.TRUE.equals(upstream.getNullable());
  }

  private void required(
      String where,
      @Nullable ChangedRequired changed,
      Set<String> addedProperties,
      Set<String> removedProperties,
      boolean request) {
    if (changed == null) {
      return;
    }
    // Properties added or removed as a whole are reported above, with their required-ness.
    for (String name : changed.getIncreased()) {
      if (!addedProperties.contains(name)) {
        drifts.add(Drift.of(request, where + " › " + name, "became required"));
      }
    }
    for (String name : changed.getMissing()) {
      if (!removedProperties.contains(name)) {
        drifts.add(Drift.of(!request, where + " › " + name, "no longer required"));
      }
    }
  }

  private void lengths(String where, ChangedSchema changed, Schema<?> before, Schema<?> after) {
    if (changed.getMaxLength() != null && changed.getMaxLength().isDifferent()) {
      drifts.add(
          Drift.of(changed.getMaxLength().isIncompatible(), where, "maxLength changed")
              .values(before.getMaxLength(), after.getMaxLength()));
    }
    ChangedExtensions extensions = changed.getExtensions();
    if (extensions != null) {
      Stream.of(extensions.getIncreased(), extensions.getMissing(), extensions.getChanged())
          .flatMap(map -> map.values().stream())
          .filter(MinLengthChange.class::isInstance)
          .map(MinLengthChange.class::cast)
          .filter(MinLengthChange::isDifferent)
          .forEach(
              minLength ->
                  drifts.add(
                      Drift.of(minLength.isIncompatible(), where, "minLength changed")
                          .values(minLength.before(), minLength.after())));
    }
  }

  private void range(
      String where, @Nullable ChangedNumericRange changed, Schema<?> before, Schema<?> after) {
    if (changed == null || !changed.isDifferent()) {
      return;
    }
    boolean breaking = changed.isIncompatible();
    if (!Objects.equals(before.getMinimum(), after.getMinimum())
        || !Objects.equals(before.getExclusiveMinimum(), after.getExclusiveMinimum())) {
      drifts.add(
          Drift.of(breaking, where, "minimum changed")
              .values(
                  bound(before.getMinimum(), before.getExclusiveMinimum()),
                  bound(after.getMinimum(), after.getExclusiveMinimum())));
    }
    if (!Objects.equals(before.getMaximum(), after.getMaximum())
        || !Objects.equals(before.getExclusiveMaximum(), after.getExclusiveMaximum())) {
      drifts.add(
          Drift.of(breaking, where, "maximum changed")
              .values(
                  bound(before.getMaximum(), before.getExclusiveMaximum()),
                  bound(after.getMaximum(), after.getExclusiveMaximum())));
    }
  }

  private void other(String where, String change, @Nullable Changed changed) {
    if (changed == null) {
      return;
    }
    DiffResult result = changed.isChanged();
    // Metadata is prose only; UNKNOWN counts as breaking until a person has read it.
    if (result.isDifferent() && !result.isMetaChanged()) {
      drifts.add(Drift.of(result != DiffResult.COMPATIBLE, where, change));
    }
  }

  private static String typeOf(Schema<?> schema) {
    return schema.getFormat() == null
        ? String.valueOf(schema.getType())
        : schema.getType() + " (" + schema.getFormat() + ")";
  }

  private static boolean requiredIn(Schema<?> schema, String property) {
    return schema.getRequired() != null && schema.getRequired().contains(property);
  }

  private static @Nullable String bound(@Nullable Object value, @Nullable Boolean exclusive) {
    if (value == null) {
      return null;
    }
    return Boolean.TRUE.equals(exclusive) ? value + " (exclusive)" : value.toString();
  }

  private static String parameterName(String name, String in) {
    return "parameter " + name + " (" + in + ")";
  }

  private static String operationName(Endpoint endpoint) {
    return operationName(endpoint.getMethod(), endpoint.getPathUrl(), endpoint.getOperation());
  }

  static String operationName(
      PathItem.HttpMethod method, String path, @Nullable Operation operation) {
    String id = operation == null ? null : operation.getOperationId();
    return method + " " + path + (id == null ? "" : " (" + id + ")");
  }
}
