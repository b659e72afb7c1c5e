package dev.sumoclient.users.cli;

import dev.sumoclient.users.Credentials;
import dev.sumoclient.users.CredentialsProvider;
import dev.sumoclient.users.SumoConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The shared credentials file, {@code ~/.sumologic/credentials}: named profiles in INI form, like
 * AWS's. The file holds secrets, so it is refused when others than its owner may read or write it.
 *
 * <pre>
 * [default]
 * access_id = suXXXXXXXX
 * access_key = ...
 * deployment = us2            # or: endpoint = https://gateway.example/api
 * </pre>
 */
final class CredentialsFile {
  static final String FILE_VARIABLE = "SUMOLOGIC_SHARED_CREDENTIALS_FILE";
  static final String PROFILE_VARIABLE = "SUMOLOGIC_PROFILE";

  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final Path path;
  private final Map<String, Map<String, String>> profiles;

  private CredentialsFile(Path path, Map<String, Map<String, String>> profiles) {
    this.path = path;
    this.profiles = profiles;
  }

  static Path location(CliContext ctx) {
    String override = ctx.env(FILE_VARIABLE);
    return override != null
        ? Path.of(override)
        : ctx.home().resolve(".sumologic").resolve("credentials");
  }

  /** Reads the file if it exists, after checking that only its owner can reach it. */
  static @Nullable CredentialsFile readIfPresent(Path path) {
    if (!Files.isRegularFile(path)) {
      return null;
    }
    checkPermissions(path);
    try {
      return new CredentialsFile(path, parse(path, Files.readAllLines(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static void checkPermissions(Path path) {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: its ACLs are the user's to manage
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the permissions of " + path, e);
    }
    Set<PosixFilePermission> tooOpen = EnumSet.noneOf(PosixFilePermission.class);
    tooOpen.addAll(permissions);
    tooOpen.retainAll(OTHERS);
    if (!tooOpen.isEmpty()) {
      throw new SumoConfigurationException(
          "Credentials file "
              + path
              + " is accessible by others ("
              + PosixFilePermissions.toString(permissions)
              + "); it holds access keys, so it is not read: run chmod 600 "
              + path);
    }
  }

  private static Map<String, Map<String, String>> parse(Path path, List<String> lines) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    Map<String, String> current = null;
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String name = line.substring(1, line.length() - 1).strip();
        if (name.startsWith("profile ")) {
          name = name.substring("profile ".length()).strip();
        }
        current = result.computeIfAbsent(name, n -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || current == null) {
        // Never echo the line: it may hold a key.
        throw new SumoConfigurationException(
            "Credentials file "
                + path
                + ", line "
                + number
                + ": expected [profile] or name = value");
      }
      current.put(
          line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), value(line, eq));
    }
    return result;
  }

  private static String value(String line, int eq) {
    String value = line.substring(eq + 1).strip();
    int comment = value.indexOf(" #");
    return comment >= 0 ? value.substring(0, comment).strip() : value;
  }

  boolean hasProfile(String name) {
    return profiles.containsKey(name);
  }

  @Nullable String setting(String profile, String name) {
    Map<String, String> settings = profiles.get(profile);
    String value = settings == null ? null : settings.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** The profile's keys, as a provider that names the file and profile, never the key. */
  CredentialsProvider provider(String profile) {
    String description = "credentials file " + path + " [" + profile + "]";
    return new CredentialsProvider() {
      @Override
      public Credentials resolveCredentials() {
        if (!profiles.containsKey(profile)) {
          throw new SumoConfigurationException(description + " (no such profile)");
        }
        String id = setting(profile, "access_id");
        String key = setting(profile, "access_key");
        if (id == null || key == null) {
          throw new SumoConfigurationException(
              description + " (" + (id == null ? "access_id" : "access_key") + " is missing)");
        }
        return Credentials.of(id, key);
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }
}
