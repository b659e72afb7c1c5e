package dev.sumoclient.users.internal;

import dev.sumoclient.users.SumoConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for the base URLs the client may send credentials to. */
public final class Endpoints {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Endpoints() {}

  /**
   * Returns the base URL in the form the client appends {@code /v1/...} to.
   *
   * <p>Trailing slashes and a {@code /v1} tail are dropped, so {@code
   * http://127.0.0.1:8080/api/v1/} and {@code http://127.0.0.1:8080/api} mean the same.
   *
   * @param uri the configured URL
   * @param allowInsecureHttp whether plain http is allowed for hosts that are not loopback
   * @return the normalized URL
   * @throws SumoConfigurationException when the URL is not absolute http(s), or is plain http to a
   *     host that is not loopback without the explicit opt-in
   */
  public static URI normalize(URI uri, boolean allowInsecureHttp) {
    // User information is refused first, and no message ever echoes it: it is usually id:key.
    if (uri.getRawUserInfo() != null || hasOpaqueUserInfo(uri)) {
      throw new SumoConfigurationException(
          "endpoint must not carry user information; pass credentials with credentials(...)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new SumoConfigurationException(
          "endpoint must be an absolute https URL such as https://api.us2.sumologic.com/api, but was "
              + describe(uri));
    }
    if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(host)) {
      throw new SumoConfigurationException(
          "endpoint "
              + describe(uri)
              + " uses plain http to a host that is not loopback; credentials would travel in clear"
              + " text. Use https, or call allowInsecureHttp(true) if you really mean it.");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new SumoConfigurationException(
          "endpoint must not have a query or fragment, but was " + describe(uri));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith("/v1")) {
      path = path.substring(0, path.length() - 3);
    }
    String authority = uri.getRawAuthority();
    return URI.create(scheme + "://" + authority + path);
  }

  /**
   * Returns a URL as it may appear in a message or log: user information (and anything that could
   * hide it, in a URL that is not hierarchical) is left out.
   *
   * @param uri any URL
   * @return the URL without user information
   */
  public static String describe(URI uri) {
    if (uri.isOpaque() || (uri.getHost() == null && uri.getRawAuthority() != null)) {
      // mailto:id:key@host, or an authority Java could not split: show the scheme only.
      return (uri.getScheme() == null ? "" : uri.getScheme() + ":") + "(not shown)";
    }
    String authority = uri.getHost() == null ? "" : uri.getHost();
    if (uri.getPort() != -1) {
      authority += ":" + uri.getPort();
    }
    return (uri.getScheme() == null ? "" : uri.getScheme() + "://")
        + authority
        + (uri.getRawPath() == null ? "" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }

  /**
   * Returns a location header value as it may appear in a message: without user information.
   *
   * @param location a URL as received
   * @return the URL without user information, or a placeholder when it cannot be parsed
   */
  public static String describe(String location) {
    try {
      return describe(new URI(location.strip()));
    } catch (URISyntaxException e) {
      return "(an unparsable URL)";
    }
  }

  private static boolean hasOpaqueUserInfo(URI uri) {
    String part = uri.getRawSchemeSpecificPart();
    return uri.isOpaque() && part != null && part.contains("@");
  }

  /**
   * Returns whether a host names this machine's loopback interface, without any DNS lookup.
   *
   * @param host a host name or IP literal
   * @return true for {@code localhost}, {@code *.localhost}, 127.0.0.0/8 and {@code ::1}
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (IPV4.matcher(h).matches() || h.contains(":")) {
      try {
        // An IP literal is parsed, never resolved, so this cannot reach a name server.
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }
}
