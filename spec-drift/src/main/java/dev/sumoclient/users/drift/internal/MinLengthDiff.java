package dev.sumoclient.users.drift.internal;

import org.jspecify.annotations.Nullable;
import org.openapitools.openapidiff.core.compare.ExtensionDiff;
import org.openapitools.openapidiff.core.compare.OpenApiDiff;
import org.openapitools.openapidiff.core.model.Change;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.DiffContext;

/**
 * Teaches openapi-diff to compare {@code minLength}, which it otherwise ignores.
 *
 * <p>spec-drift copies each schema's {@code minLength} into the extension {@value #EXTENSION}
 * before comparing. openapi-diff hands every change of an extension, with its request or response
 * context, to the plug-in of that name, found with {@link java.util.ServiceLoader} (this class is
 * registered in META-INF/services).
 */
public final class MinLengthDiff implements ExtensionDiff {

  /** The extension that carries a schema's {@code minLength} into openapi-diff. */
  public static final String EXTENSION = "x-spec-drift-min-length";

  /** Creates the plug-in; {@link java.util.ServiceLoader} calls this. */
  public MinLengthDiff() {}

  /** Returns this plug-in: it needs nothing from the comparison in progress. */
  @Override
  public ExtensionDiff setOpenApiDiff(OpenApiDiff openApiDiff) {
    return this;
  }

  /** Returns the extension's name without its {@code x-} prefix, as openapi-diff looks it up. */
  @Override
  public String getName() {
    return EXTENSION.substring(2);
  }

  /** Returns the change of {@code minLength} that {@code extension} carries. */
  @Override
  public Changed diff(Change<?> extension, DiffContext context) {
    return new MinLengthChange(
        asInteger(extension.getOldValue()), asInteger(extension.getNewValue()), context);
  }

  private static @Nullable Integer asInteger(@Nullable Object value) {
    return value instanceof Number number ? number.intValue() : null;
  }
}
