package dev.sumoclient.users.drift.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.DiffContext;
import org.openapitools.openapidiff.core.model.DiffResult;

/**
 * A changed {@code minLength}, classified like openapi-diff classifies {@code maxLength}.
 *
 * <p>A request may not demand longer values than before, a response may not send shorter ones. An
 * absent {@code minLength} counts as 0.
 */
public final class MinLengthChange implements Changed {

  private final @Nullable Integer before;
  private final @Nullable Integer after;
  private final DiffContext context;

  MinLengthChange(@Nullable Integer before, @Nullable Integer after, DiffContext context) {
    this.before = before;
    this.after = after;
    this.context = context;
  }

  /** Returns the old {@code minLength}, or null when there was none. */
  public @Nullable Integer before() {
    return before;
  }

  /** Returns the new {@code minLength}, or null when there is none. */
  public @Nullable Integer after() {
    return after;
  }

  /** Returns INCOMPATIBLE when the change breaks a client, else COMPATIBLE or NO_CHANGES. */
  @Override
  public DiffResult isChanged() {
    if (Objects.equals(before, after)) {
      return DiffResult.NO_CHANGES;
    }
    int oldFloor = before == null ? 0 : before;
    int newFloor = after == null ? 0 : after;
    boolean breaking =
        context.isRequest() ? newFloor > oldFloor : context.isResponse() && newFloor < oldFloor;
    return breaking ? DiffResult.INCOMPATIBLE : DiffResult.COMPATIBLE;
  }
}
