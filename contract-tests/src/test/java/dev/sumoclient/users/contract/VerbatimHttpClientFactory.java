package dev.sumoclient.users.contract;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.IProviderInfo;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * The HTTP client for replaying interactions: one request per interaction, nothing more.
 *
 * <p>Pact's default client is Apache HttpClient 5 with its default retry strategy, which quietly
 * repeats a request answered 429 or 503 after a second. A 429 interaction would then be verified
 * against the retry's answer, so a provider that throttles could never pass, and one that never
 * throttles could. Redirects are not followed (Pact 4.6 disables them already): the client under
 * contract does not follow them blindly, so the provider's 301 must be seen as it is. The system
 * properties (proxy, trust store) are honoured, as the live HTTPS replay needs them.
 */
final class VerbatimHttpClientFactory implements IHttpClientFactory {

  @Override
  public CloseableHttpClient newClient(IProviderInfo provider) {
    return HttpClients.custom().useSystemProperties().disableAutomaticRetries().build();
  }
}
