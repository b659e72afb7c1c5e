package dev.sumoclient.users;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A Sumo Logic deployment (region), identified by its code such as {@code US2}.
 *
 * <p>The type is open: besides the constants, {@link #of(String)} accepts a code this release does
 * not know yet, and {@link #parse(String)} also understands host names and URLs. Two deployments
 * are equal when their codes are.
 */
public final class Deployment {
  /** Asia Pacific (Sydney). */
  public static final Deployment AU = new Deployment("AU");

  /** Canada (Central). */
  public static final Deployment CA = new Deployment("CA");

  /** Switzerland. */
  public static final Deployment CH = new Deployment("CH");

  /** EU (Frankfurt). */
  public static final Deployment DE = new Deployment("DE");

  /** European sovereign cloud. */
  public static final Deployment ESC = new Deployment("ESC");

  /** EU (Ireland). */
  public static final Deployment EU = new Deployment("EU");

  /** US federal (N. Virginia). */
  public static final Deployment FED = new Deployment("FED");

  /** India. */
  public static final Deployment IN = new Deployment("IN");

  /** Asia Pacific (Tokyo). */
  public static final Deployment JP = new Deployment("JP");

  /** Asia Pacific (Seoul). */
  public static final Deployment KR = new Deployment("KR");

  /** US East (N. Virginia), the original deployment at {@code api.sumologic.com}. */
  public static final Deployment US1 = new Deployment("US1");

  /** US West (Oregon). */
  public static final Deployment US2 = new Deployment("US2");

  /** Switzerland (Zurich). */
  public static final Deployment ZRH = new Deployment("ZRH");

  private static final List<Deployment> KNOWN =
      List.of(AU, CA, CH, DE, ESC, EU, FED, IN, JP, KR, US1, US2, ZRH);
  private static final Map<String, Deployment> BY_CODE =
      KNOWN.stream().collect(Collectors.toUnmodifiableMap(Deployment::code, Function.identity()));
  private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,15}");
  private static final String SUMO_DOMAIN = "sumologic.com";

  private final String code;

  private Deployment(String code) {
    this.code = code;
  }

  /**
   * Returns the deployment with this code, known or not.
   *
   * @param code a code such as {@code us2} or {@code EU}; case and surrounding blanks are ignored
   * @return the constant for a known code, else a new deployment with that code
   * @throws SumoValidationException if the code is blank or not a plausible code
   */
  public static Deployment of(String code) {
    String normalized = code.strip().toUpperCase(Locale.ROOT);
    if (!CODE.matcher(normalized).matches()) {
      throw new SumoValidationException(
          "deployment", "must be a deployment code of letters, digits and '-' such as US2");
    }
    Deployment known = BY_CODE.get(normalized);
    return known != null ? known : new Deployment(normalized);
  }

  /**
   * Returns the deployments this release knows, in alphabetical order of code.
   *
   * @return the known deployments
   */
  public static List<Deployment> knownDeployments() {
    return KNOWN;
  }

  /**
   * Parses a deployment from a code, a host name or a URL, leniently.
   *
   * <p>Accepts any case and surrounding blanks, codes ({@code us2}), API or service hosts ({@code
   * api.us2.sumologic.com}, {@code https://service.us2.sumologic.com}) and API URLs with trailing
   * slashes or {@code /api/v1} tails ({@code https://api.sumologic.com/api/} is US1).
   *
   * @param text the text to parse
   * @return the deployment
   * @throws SumoValidationException if the text names no Sumo Logic deployment
   */
  public static Deployment parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new SumoValidationException("deployment", "must not be blank");
    }
    if (!trimmed.contains(".") && !trimmed.contains("/") && !trimmed.contains(":")) {
      return of(trimmed);
    }
    String host = hostOf(trimmed);
    return forHost(host)
        .orElseThrow(
            () ->
                new SumoValidationException(
                    "deployment",
                    "must be a deployment code or a "
                        + SUMO_DOMAIN
                        + " API or service host, but the host was '"
                        + host
                        + "'"));
  }

  private static String hostOf(String text) {
    String withScheme = text.contains("://") ? text : "https://" + text;
    try {
      String host = new URI(withScheme).getHost();
      if (host == null) {
        throw new SumoValidationException("deployment", "must name a host");
      }
      return host;
    } catch (URISyntaxException e) {
      throw new SumoValidationException("deployment", "must be a code, a host name or a URL");
    }
  }

  /**
   * Returns the deployment served by a Sumo Logic host, such as {@code api.eu.sumologic.com}.
   *
   * <p>Used to name the deployment a 301 {@code Location} points to. Hosts outside {@code
   * sumologic.com} give an empty result, as do hosts that do not follow Sumo's {@code
   * <service>[.<code>].sumologic.com} pattern.
   *
   * @param host a host name, any case
   * @return the deployment, or empty when the host is not a Sumo Logic deployment host
   */
  public static Optional<Deployment> forHost(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (!h.endsWith("." + SUMO_DOMAIN)) {
      return Optional.empty();
    }
    String[] labels = h.substring(0, h.length() - SUMO_DOMAIN.length() - 1).split("\\.", -1);
    if (labels.length == 1 && !labels[0].isEmpty()) {
      return Optional.of(US1);
    }
    if (labels.length == 2 && !labels[0].isEmpty() && CODE.matcher(labels[1]).matches()) {
      return Optional.of(of(labels[1]));
    }
    return Optional.empty();
  }

  /**
   * Returns the deployment named by the environment variables, if any.
   *
   * <p>Looks at {@code SUMOLOGIC_ENVIRONMENT} (a code), then {@code SUMOLOGIC_BASE_URL} and {@code
   * SUMO_ENDPOINT} (URLs), all parsed with {@link #parse(String)}.
   *
   * @return the deployment, or empty when none of the variables is set
   */
  public static Optional<Deployment> fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /**
   * Returns the deployment named by the given variables, so that tests need no real environment.
   *
   * @param env looks up a variable by name, returning null when it is unset
   * @return the deployment, or empty when none of the variables is set
   */
  public static Optional<Deployment> fromEnvironment(Function<String, @Nullable String> env) {
    for (String name : List.of("SUMOLOGIC_ENVIRONMENT", "SUMOLOGIC_BASE_URL", "SUMO_ENDPOINT")) {
      String value = env.apply(name);
      if (value != null && !value.isBlank()) {
        try {
          return Optional.of(parse(value));
        } catch (SumoValidationException e) {
          throw new SumoValidationException(name, e.violations().get(0).rule());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the code of this deployment.
   *
   * @return the upper-case code, such as {@code US2}
   */
  public String code() {
    return code;
  }

  /**
   * Returns whether this release knows the deployment (it is one of the constants).
   *
   * @return true for the constants
   */
  public boolean isKnown() {
    return BY_CODE.containsKey(code);
  }

  /**
   * Returns the base URL of this deployment's API, to which paths such as {@code /v1/users} are
   * appended.
   *
   * @return for example {@code https://api.us2.sumologic.com/api}
   */
  public URI apiBaseUri() {
    String host =
        equals(US1)
            ? "api." + SUMO_DOMAIN
            : "api." + code.toLowerCase(Locale.ROOT) + "." + SUMO_DOMAIN;
    return URI.create("https://" + host + "/api");
  }

  /** Returns true when the other object is a deployment with the same code. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Deployment d && d.code.equals(code);
  }

  /** Returns a hash of the code. */
  @Override
  public int hashCode() {
    return code.hashCode();
  }

  /** Returns the code. */
  @Override
  public String toString() {
    return code;
  }
}
