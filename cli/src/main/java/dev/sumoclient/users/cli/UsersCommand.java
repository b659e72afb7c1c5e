package dev.sumoclient.users.cli;

import dev.sumoclient.users.ContentDisposition;
import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sumo-users users ...}: one subcommand per operation. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Work with users. Name a user by id or by email address.",
    subcommands = {
      UsersCommand.ListUsers.class,
      UsersCommand.Get.class,
      UsersCommand.Create.class,
      UsersCommand.Update.class,
      UsersCommand.Activate.class,
      UsersCommand.Deactivate.class,
      UsersCommand.Delete.class,
      UsersCommand.Unlock.class,
      UsersCommand.ResetPassword.class,
      UsersCommand.RequestEmailChange.class,
      UsersCommand.DisableMfa.class,
      SyncCommand.class
    })
final class UsersCommand {
  @ParentCommand SumoUsersCli root;

  /** The root options and context, reached from any subcommand. */
  @Command
  abstract static class Leaf implements Callable<Integer> {
    @ParentCommand UsersCommand users;

    SumoUsersCli root() {
      return users.root;
    }

    CliContext ctx() {
      return root().ctx;
    }

    @Override
    public final Integer call() {
      try (Session session = Session.open(root(), ctx())) {
        return run(session);
      }
    }

    abstract int run(Session session);

    void printUser(OutputOptions output, UserModel user) {
      try (UserWriter writer = output.writer(ctx())) {
        writer.write(user);
      }
    }
  }

  /** -o/--output and --fields, for commands that print users. */
  static final class OutputOptions {
    @Option(
        names = {"-o", "--output"},
        paramLabel = "<format>",
        description = "table (default), json, ndjson or csv.")
    @Nullable OutputFormat format;

    @Option(
        names = "--fields",
        paramLabel = "<f1,f2>",
        description =
            "Columns to print, such as id,email,isMfaEnabled (any field of the user; default: a"
                + " selection for tables, all for json and csv).")
    @Nullable String fields;

    OutputFormat format() {
      return format == null ? OutputFormat.table : format;
    }

    List<UserField> fields() {
      if (fields != null) {
        return UserField.parse(fields);
      }
      return format() == OutputFormat.table ? UserField.TABLE_DEFAULT : List.of(UserField.values());
    }

    UserWriter writer(CliContext ctx) {
      return UserWriter.create(format(), fields(), ctx.out());
    }
  }

  /** Finds the user an argument names: an id, or an email address. */
  static UserModel resolve(SumoUsersClient client, String idOrEmail) {
    if (idOrEmail.contains("@")) {
      return client
          .findByEmail(idOrEmail)
          .orElseThrow(() -> CliException.failed("no user has the email address " + idOrEmail));
    }
    return client.getUser(idOrEmail);
  }

  static String resolveId(SumoUsersClient client, String idOrEmail) {
    return idOrEmail.contains("@") ? resolve(client, idOrEmail).getId() : idOrEmail;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List users, streaming page by page; audit filters combine (all must hold).",
        "Example: sumo-users users list --no-mfa --no-login-since 90d -o csv"
      })
  static final class ListUsers extends Leaf {
    @Mixin OutputOptions output;

    @Option(names = "--email", description = "Only the user with this address.")
    @Nullable String email;

    @Option(names = "--sort-by", description = "firstName, lastName or email.")
    @Nullable String sortBy;

    @Option(
        names = "--page-size",
        defaultValue = "1000",
        description = "Users fetched per call, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--no-mfa", description = "Only users without multi-factor authentication.")
    boolean noMfa;

    @Option(names = "--locked", description = "Only users locked out.")
    boolean locked;

    @Option(names = "--inactive", description = "Only deactivated users.")
    boolean inactive;

    @Option(
        names = "--no-login-since",
        paramLabel = "<age>",
        description =
            "Only users who have not signed in for this long (e.g. 90d, 12h): last sign-in, or"
                + " creation if they never signed in, older than that.")
    @Nullable String noLoginSince;

    @Option(names = "--never-logged-in", description = "Only users who never signed in.")
    boolean neverLoggedIn;

    @Option(
        names = "--role",
        paramLabel = "<roleId>",
        description = "Only users holding this role (repeat for any of several).")
    List<String> roles = new ArrayList<>();

    @Override
    int run(Session session) {
      Predicate<UserModel> filter = filter(ctx().clock().instant());
      ListUsersRequest request =
          ListUsersRequest.builder().limit(pageSize).sortBy(sortBy).email(email).build();
      try (UserWriter writer = output.writer(ctx())) {
        for (UserModel user : session.client.listUsers(request)) {
          if (filter.test(user)) {
            writer.write(user);
          }
        }
      }
      return ExitCodes.OK;
    }

    Predicate<UserModel> filter(Instant now) {
      Predicate<UserModel> p = u -> true;
      if (noMfa) {
        p = p.and(u -> !Boolean.TRUE.equals(u.getIsMfaEnabled()));
      }
      if (locked) {
        p = p.and(u -> Boolean.TRUE.equals(u.getIsLocked()));
      }
      if (inactive) {
        p = p.and(u -> Boolean.FALSE.equals(u.getIsActive()));
      }
      if (neverLoggedIn) {
        p = p.and(u -> u.getLastLoginTimestamp() == null);
      }
      if (noLoginSince != null) {
        Instant cutoff = now.minus(age(noLoginSince));
        p =
            p.and(
                u -> {
                  OffsetDateTime last =
                      u.getLastLoginTimestamp() != null
                          ? u.getLastLoginTimestamp()
                          : u.getCreatedAt();
                  return last == null || last.toInstant().isBefore(cutoff);
                });
      }
      if (!roles.isEmpty()) {
        Set<String> wanted = Set.copyOf(roles);
        p =
            p.and(
                u -> u.getRoleIds() != null && u.getRoleIds().stream().anyMatch(wanted::contains));
      }
      return p;
    }
  }

  /** Parses an age such as 90d, 2w, 12h or 30m. */
  static Duration age(String text) {
    Duration age = TimeAmount.parse(text, TimeAmount.LONG);
    if (age == null) {
      throw CliException.usage(
          "--no-login-since: '" + text + "' is not an age such as 90d, 2w, 12h or 30m");
    }
    return age;
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one user.")
  static final class Get extends Leaf {
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "<user>", description = "Id or email address.")
    String user;

    @Override
    int run(Session session) {
      printUser(output, resolve(session.client, user));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a user, who receives an invitation email.")
  static final class Create extends Leaf {
    @Mixin OutputOptions output;

    @Option(names = "--email", required = true)
    String email;

    @Option(names = "--first-name", required = true)
    String firstName;

    @Option(names = "--last-name", defaultValue = "")
    String lastName;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "<roleId>",
        split = ",",
        description = "Role id (repeat or separate with commas).")
    List<String> roles;

    @Override
    int run(Session session) {
      UserModel created =
          session.client.createUser(
              new CreateUserDefinition()
                  .email(email)
                  .firstName(firstName)
                  .lastName(lastName)
                  .roleIds(new ArrayList<>(roles)));
      printUser(output, created);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Change a user's names, roles or state; what is not given stays as it is.")
  static final class Update extends Leaf {
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "<user>", description = "Id or email address.")
    String user;

    @Option(names = "--first-name")
    @Nullable String firstName;

    @Option(names = "--last-name")
    @Nullable String lastName;

    @Option(
        names = "--roles",
        split = ",",
        paramLabel = "<roleId>",
        description = "Replace the roles.")
    @Nullable List<String> roles;

    @Option(names = "--add-role", paramLabel = "<roleId>")
    List<String> addRoles = new ArrayList<>();

    @Option(names = "--remove-role", paramLabel = "<roleId>")
    List<String> removeRoles = new ArrayList<>();

    @Option(names = "--active", paramLabel = "true|false", arity = "1")
    @Nullable Boolean active;

    @Override
    int run(Session session) {
      UserModel current = resolve(session.client, user);
      LinkedHashSet<String> newRoles =
          new LinkedHashSet<>(
              roles != null
                  ? roles
                  : current.getRoleIds() == null ? List.<String>of() : current.getRoleIds());
      newRoles.addAll(addRoles);
      removeRoles.forEach(newRoles::remove);
      UpdateUserDefinition update =
          new UpdateUserDefinition()
              .firstName(firstName != null ? firstName : current.getFirstName())
              .lastName(lastName != null ? lastName : current.getLastName())
              .isActive(active != null ? active : current.getIsActive())
              .roleIds(new ArrayList<>(newRoles));
      printUser(output, session.client.updateUser(current.getId(), update));
      return ExitCodes.OK;
    }
  }

  /**
   * A command that does the same to each user it names, in order: it resolves each argument, acts,
   * and prints one line per user; the first failure ends the run with that failure's exit code.
   */
  @Command
  abstract static class EachUser extends Leaf {
    @Parameters(arity = "1..*", paramLabel = "<user>", description = "Ids or email addresses.")
    List<String> users;

    @Override
    final int run(Session session) {
      for (String user : users) {
        ctx().out().println(apply(session.client, user));
      }
      return ExitCodes.OK;
    }

    /** Acts on the user an argument names; returns the line that reports it. */
    abstract String apply(SumoUsersClient client, String idOrEmail);
  }

  @Command(name = "activate", mixinStandardHelpOptions = true, description = "Activate users.")
  static final class Activate extends EachUser {
    @Override
    String apply(SumoUsersClient client, String idOrEmail) {
      UserModel done = client.activate(resolveId(client, idOrEmail));
      return "activated " + done.getId() + " " + done.getEmail();
    }
  }

  @Command(
      name = "deactivate",
      mixinStandardHelpOptions = true,
      description = "Deactivate users; they keep their content and can be activated again.")
  static final class Deactivate extends EachUser {
    @Override
    String apply(SumoUsersClient client, String idOrEmail) {
      UserModel done = client.deactivate(resolveId(client, idOrEmail));
      return "deactivated " + done.getId() + " " + done.getEmail();
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description =
          "Delete a user; say what becomes of their content with exactly one of --transfer-to,"
              + " --delete-content, --transfer-to-me.")
  static final class Delete extends Leaf {
    @Parameters(paramLabel = "<user>", description = "Id or email address.")
    String user;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ContentChoice content;

    @Option(
        names = {"-y", "--yes"},
        description = "Do not ask for confirmation on a terminal.")
    boolean yes;

    @Override
    int run(Session session) {
      UserModel target = resolve(session.client, user);
      ContentDisposition disposition = content.disposition(session.client);
      if (!yes
          && !Prompts.confirm(
              ctx(),
              "Delete "
                  + target.getEmail()
                  + " ("
                  + target.getId()
                  + "), "
                  + content.describe()
                  + "?")) {
        ctx().err().println("sumo-users: nothing deleted");
        return ExitCodes.FAILED;
      }
      session.client.deleteUser(target.getId(), disposition);
      ctx()
          .out()
          .println(
              "deleted " + target.getId() + " " + target.getEmail() + ", " + content.describe());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "unlock",
      mixinStandardHelpOptions = true,
      description = "Unlock users locked out.")
  static final class Unlock extends EachUser {
    @Override
    String apply(SumoUsersClient client, String idOrEmail) {
      client.unlockUser(resolveId(client, idOrEmail));
      return "unlocked " + idOrEmail;
    }
  }

  @Command(
      name = "reset-password",
      mixinStandardHelpOptions = true,
      description = "Send users a password reset email.")
  static final class ResetPassword extends EachUser {
    @Override
    String apply(SumoUsersClient client, String idOrEmail) {
      client.resetPassword(resolveId(client, idOrEmail));
      return "password reset sent to " + idOrEmail;
    }
  }

  @Command(
      name = "request-email-change",
      mixinStandardHelpOptions = true,
      description = "Ask a user to confirm a new email address.")
  static final class RequestEmailChange extends Leaf {
    @Parameters(paramLabel = "<user>", description = "Id or email address.")
    String user;

    @Option(names = "--new-email", required = true, paramLabel = "<email>")
    String newEmail;

    @Override
    int run(Session session) {
      session.client.requestChangeEmail(resolveId(session.client, user), newEmail);
      ctx().out().println("email change to " + newEmail + " requested for " + user);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "disable-mfa",
      mixinStandardHelpOptions = true,
      description = {
        "Turn off a user's multi-factor authentication, proving it with their password.",
        "The password is asked without echo on a terminal, or read from stdin with"
            + " --password-stdin; it is never taken from the command line."
      })
  static final class DisableMfa extends Leaf {
    @Parameters(paramLabel = "<user>", description = "Id or email address.")
    String user;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of stdin.")
    boolean passwordStdin;

    @Override
    int run(Session session) {
      UserModel target = resolve(session.client, user);
      char[] password = passwordStdin ? readLine(ctx().in()) : prompt(target.getEmail());
      try {
        session.client.disableMfa(target.getId(), target.getEmail(), password);
      } finally {
        Arrays.fill(password, '\0');
      }
      ctx().out().println("MFA disabled for " + target.getEmail());
      return ExitCodes.OK;
    }

    private char[] prompt(String email) {
      CliContext.PasswordReader reader = ctx().passwordReader();
      if (reader == null) {
        throw CliException.usage(
            "no terminal to ask the password on: pipe it in with --password-stdin");
      }
      char[] password = reader.read("Password of " + email + ": ");
      if (password == null || password.length == 0) {
        throw CliException.usage("no password given");
      }
      return password;
    }

    static char[] readLine(InputStream in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
          if (b != '\r') {
            bytes.write(b);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the password from stdin", e);
      }
      byte[] raw = bytes.toByteArray();
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
      Arrays.fill(raw, (byte) 0);
      char[] password = new char[chars.remaining()];
      chars.get(password);
      if (password.length == 0) {
        throw CliException.usage("--password-stdin: stdin held no password");
      }
      return password;
    }
  }
}
