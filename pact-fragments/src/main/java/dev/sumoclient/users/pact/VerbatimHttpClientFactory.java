package dev.sumoclient.users.pact;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.IProviderInfo;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * The HTTP client for replaying interactions: one request per interaction, nothing more.
 *
 * <p>{@link SumoPactVerification} uses it for the embedded emulator; give it to Pact's {@code
 * HttpTestTarget} or {@code HttpsTestTarget} to verify against a real deployment the same way.
 *
 * <p>Pact's default client is Apache HttpClient 5 with its default retry strategy, which quietly
 * repeats a request answered 429 or 503 after a second. A 429 interaction would then be verified
 * against the retry's answer, so a provider that throttles could never pass, and one that never
 * throttles could. Redirects are not followed (Pact 4.6 disables them already): the client under
 * contract does not follow them blindly, so the provider's 301 must be seen as it is. The system
 * properties (proxy, trust store) are honoured, as the live HTTPS replay needs them.
 */
public final class VerbatimHttpClientFactory implements IHttpClientFactory {

  /** A factory; Pact's test targets take {@code VerbatimHttpClientFactory::new}. */
  public VerbatimHttpClientFactory() {}

  /**
   * A client that retries nothing and follows no redirect, with the JVM's proxy and trust store.
   *
   * @param provider the provider being verified (not used: every provider gets the same client)
   * @return a new client, closed by Pact after the verification
   */
  @Override
  public CloseableHttpClient newClient(IProviderInfo provider) {
    return HttpClients.custom().useSystemProperties().disableAutomaticRetries().build();
  }
}
