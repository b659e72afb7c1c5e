package dev.sumoclient.users.cli;

import dev.sumoclient.users.generated.model.UserModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** What a sync would change: computed from the file and the users as they are now. */
final class SyncPlan {
  enum Kind {
    CREATE("+", "create"),
    UPDATE("~", "update"),
    DEACTIVATE("-", "deactivate"),
    DELETE("x", "delete");

    final String mark;
    final String verb;

    Kind(String mark, String verb) {
      this.mark = mark;
      this.verb = verb;
    }
  }

  /**
   * One change. {@code row} is null for prunes; {@code current} null for creates; {@code diff}
   * lists the fields an update changes.
   */
  record Step(
      Kind kind,
      String email,
      SyncFile.@Nullable Row row,
      @Nullable UserModel current,
      List<String> diff) {
    /** Names the step in the journal: one step per user and kind. */
    String key() {
      return kind.verb + " " + email.toLowerCase(Locale.ROOT);
    }

    /** Calls the step costs against the quota. */
    int calls() {
      return kind == Kind.CREATE && row != null && !row.active() ? 2 : 1;
    }
  }

  /** How absent users are treated. */
  enum Prune {
    none,
    deactivate,
    delete
  }

  final List<Step> steps;
  final int unchanged;
  final int existing;

  private SyncPlan(List<Step> steps, int unchanged, int existing) {
    this.steps = steps;
    this.unchanged = unchanged;
    this.existing = existing;
  }

  /**
   * Compares the wanted rows with the current users (keyed by lower-case email), in the order
   * creates, updates, then prunes.
   */
  static SyncPlan compute(
      List<SyncFile.Row> rows, Map<String, UserModel> current, Prune prune, Set<String> spared) {
    List<Step> creates = new ArrayList<>();
    List<Step> updates = new ArrayList<>();
    List<Step> prunes = new ArrayList<>();
    int unchanged = 0;
    Set<String> wanted = new LinkedHashSet<>();
    for (SyncFile.Row row : rows) {
      wanted.add(row.key());
      UserModel user = current.get(row.key());
      if (user == null) {
        creates.add(new Step(Kind.CREATE, row.email(), row, null, List.of()));
        continue;
      }
      List<String> diff = diff(row, user);
      if (diff.isEmpty()) {
        unchanged++;
      } else {
        updates.add(new Step(Kind.UPDATE, row.email(), row, user, diff));
      }
    }
    if (prune != Prune.none) {
      for (Map.Entry<String, UserModel> e : new TreeMap<>(current).entrySet()) {
        if (wanted.contains(e.getKey()) || spared.contains(e.getKey())) {
          continue;
        }
        UserModel user = e.getValue();
        if (prune == Prune.deactivate) {
          if (!Boolean.FALSE.equals(user.getIsActive())) {
            prunes.add(
                new Step(
                    Kind.DEACTIVATE,
                    user.getEmail(),
                    null,
                    user,
                    List.of("isActive: true -> false")));
          }
        } else {
          prunes.add(new Step(Kind.DELETE, user.getEmail(), null, user, List.of()));
        }
      }
    }
    List<Step> steps = new ArrayList<>(creates);
    steps.addAll(updates);
    steps.addAll(prunes);
    return new SyncPlan(steps, unchanged, current.size());
  }

  private static List<String> diff(SyncFile.Row row, UserModel user) {
    List<String> diff = new ArrayList<>();
    if (!Objects.equals(row.firstName(), nullToEmpty(user.getFirstName()))) {
      diff.add("firstName: " + quote(user.getFirstName()) + " -> " + quote(row.firstName()));
    }
    if (!Objects.equals(row.lastName(), nullToEmpty(user.getLastName()))) {
      diff.add("lastName: " + quote(user.getLastName()) + " -> " + quote(row.lastName()));
    }
    List<String> roles = user.getRoleIds() == null ? List.of() : user.getRoleIds();
    if (!new LinkedHashSet<>(roles).equals(new LinkedHashSet<>(row.roleIds()))) {
      diff.add("roleIds: " + roles + " -> " + row.roleIds());
    }
    boolean active = !Boolean.FALSE.equals(user.getIsActive());
    if (active != row.active()) {
      diff.add("isActive: " + active + " -> " + row.active());
    }
    return diff;
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static String quote(@Nullable String s) {
    return "\"" + nullToEmpty(s) + "\"";
  }

  long count(Kind kind) {
    return steps.stream().filter(s -> s.kind() == kind).count();
  }

  int calls() {
    return steps.stream().mapToInt(Step::calls).sum();
  }

  String summary() {
    return count(Kind.CREATE)
        + " to create, "
        + count(Kind.UPDATE)
        + " to update, "
        + count(Kind.DEACTIVATE)
        + " to deactivate, "
        + count(Kind.DELETE)
        + " to delete, "
        + unchanged
        + " unchanged";
  }

  static String describe(Step step) {
    StringBuilder line = new StringBuilder("  ").append(step.kind().mark).append(' ');
    line.append(String.format("%-10s %s", step.kind().verb, step.email()));
    SyncFile.Row row = step.row();
    switch (step.kind()) {
      case CREATE ->
          line.append("  firstName=")
              .append(quote(row.firstName()))
              .append(" lastName=")
              .append(quote(row.lastName()))
              .append(" roleIds=")
              .append(row.roleIds())
              .append(row.active() ? "" : " isActive=false");
      case UPDATE, DEACTIVATE -> line.append("  ").append(String.join("; ", step.diff()));
      case DELETE -> {}
    }
    if (row != null) {
      line.append("  (line ").append(row.line()).append(')');
    }
    return line.toString();
  }
}
