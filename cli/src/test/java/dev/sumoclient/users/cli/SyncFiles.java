package dev.sumoclient.users.cli;

import dev.sumoclient.users.emulator.EmulatedUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sync files and {@code users sync} command lines the sync tests write and run. */
final class SyncFiles {
  static final String HEADER = "email,firstName,lastName,roleIds";
  static final String HEADER_WITH_ACTIVE = HEADER + ",active";

  private SyncFiles() {}

  /** Writes {@code dir/team.csv}: {@code count} new users, {@code <prefix><i>@example.com}. */
  static Path newUsers(Path dir, String prefix, int count) throws Exception {
    List<String> lines = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < count; i++) {
      lines.add(prefix + i + "@example.com,N,User" + i + ",0000000000000A01");
    }
    return write(dir, "team.csv", lines);
  }

  static Path write(Path dir, String name, List<String> lines) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }

  /** A user's row under {@link #HEADER_WITH_ACTIVE}, as the user is now. */
  static String row(EmulatedUser u) {
    return row(u, u.lastName());
  }

  /** A user's row under {@link #HEADER_WITH_ACTIVE}, with another last name. */
  static String row(EmulatedUser u, String lastName) {
    return String.join(
        ",", u.email(), u.firstName(), lastName, String.join(";", u.roleIds()), "" + u.active());
  }

  /** {@code users sync --from <team> <more...>}. */
  static String[] sync(Path team, String... more) {
    List<String> args = new ArrayList<>(List.of("users", "sync", "--from", team.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** {@code users sync --from <team> --apply --yes <more...>}. */
  static String[] apply(Path team, String... more) {
    List<String> args = new ArrayList<>(List.of("--apply", "--yes"));
    args.addAll(List.of(more));
    return sync(team, args.toArray(String[]::new));
  }
}
