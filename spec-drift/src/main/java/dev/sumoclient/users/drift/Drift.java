package dev.sumoclient.users.drift;

import org.jspecify.annotations.Nullable;

/**
 * One structural difference between an old and a new description.
 *
 * @param impact whether a client built on the old description breaks
 * @param where the element, e.g. {@code POST /v1/users (createUser) › request body › firstName}
 * @param change what happened to it, e.g. {@code maxLength changed}
 * @param before the old value, when the change has one
 * @param after the new value, when the change has one
 */
record Drift(
    Impact impact, String where, String change, @Nullable String before, @Nullable String after) {

  /** Whether a difference breaks a client built on the old description. */
  enum Impact {
    BREAKING,
    NON_BREAKING
  }

  static Drift breaking(String where, String change) {
    return new Drift(Impact.BREAKING, where, change, null, null);
  }

  static Drift nonBreaking(String where, String change) {
    return new Drift(Impact.NON_BREAKING, where, change, null, null);
  }

  static Drift of(boolean breaking, String where, String change) {
    return breaking ? breaking(where, change) : nonBreaking(where, change);
  }

  Drift values(@Nullable Object before, @Nullable Object after) {
    return new Drift(impact, where, change, text(before), text(after));
  }

  boolean isBreaking() {
    return impact == Impact.BREAKING;
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }
}
