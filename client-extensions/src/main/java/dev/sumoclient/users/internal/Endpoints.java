package dev.sumoclient.users.internal;

import dev.sumoclient.users.SumoConfigurationException;
import java.net.InetAddress;
import java.net.URI;
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
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new SumoConfigurationException(
          "endpoint must be an absolute https URL such as https://api.us2.sumologic.com/api, but was "
              + uri);
    }
    if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(host)) {
      throw new SumoConfigurationException(
          "endpoint "
              + uri
              + " uses plain http to a host that is not loopback; credentials would travel in clear"
              + " text. Use https, or call allowInsecureHttp(true) if you really mean it.");
    }
    if (uri.getRawUserInfo() != null) {
      throw new SumoConfigurationException(
          "endpoint must not carry user information; pass credentials with credentials(...)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new SumoConfigurationException(
          "endpoint must not have a query or fragment, but was " + uri);
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
