package dev.sumoclient.users.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Builds the {@code User-Agent} header: {@code sumo-users-java/<version> (Java <version>)}. */
public final class UserAgent {
  private static final Pattern TOKEN_WITH_VERSION =
      Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+(/[A-Za-z0-9!#$%&'*+.^_`|~-]+)?");

  private UserAgent() {}

  /**
   * Returns the version of this library, from the build-filtered resource or the jar manifest.
   *
   * @return the version, or {@code unknown}
   */
  public static String libraryVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("sumo-users-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
          return v.strip();
        }
      }
    } catch (IOException e) {
      // Fall through to the manifest: the header must never stop the client from working.
    }
    String manifest = UserAgent.class.getPackage().getImplementationVersion();
    return manifest == null ? "unknown" : manifest;
  }

  /**
   * Returns whether the text is a valid product token ({@code name} or {@code name/version}).
   *
   * @param applicationName the text
   * @return true when it can be appended to the header as is
   */
  public static boolean isValidProduct(String applicationName) {
    return TOKEN_WITH_VERSION.matcher(applicationName).matches();
  }

  /**
   * Returns the header value.
   *
   * @param applicationName an application product token to append, or null
   * @return the header value
   */
  public static String header(@Nullable String applicationName) {
    String base =
        "sumo-users-java/"
            + libraryVersion()
            + " (Java "
            + System.getProperty("java.version", "unknown")
            + ")";
    return applicationName == null ? base : base + " " + applicationName;
  }
}
