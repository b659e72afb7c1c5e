package dev.sumoclient.users.internal;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.CredentialsProvider;
import dev.sumoclient.users.Deployment;
import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.RetryPolicy;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything the engine needs, checked by the public builder before it gets here.
 *
 * @param baseUri the normalized base URL to start with
 * @param deployment the deployment behind the base URL, if known
 * @param credentials asked before every request
 * @param allowInsecureHttp whether plain http is allowed for non-loopback hosts
 * @param retryPolicy the retry policy
 * @param quotas the client-side quotas, or null when rate limiting is off
 * @param quotaCoordinator decides when a request may be sent (unused when quotas is null)
 * @param quotaGroup the quota group, or null to count each access id on its own
 * @param ownsQuotaCoordinator whether closing the client closes the coordinator
 * @param followDeploymentRedirects whether a 301 to another deployment is followed
 * @param deploymentEndpoint maps a deployment to the base URL that reaches it
 * @param connectTimeout the TCP/TLS connect timeout
 * @param readTimeout the timeout between bytes of a response
 * @param callTimeout the deadline of a whole call, retries and waits included
 * @param proxy the proxy, or null for a direct connection
 * @param userAgent the User-Agent header value
 * @param listener receives traffic events, or null when nobody listens
 * @param time the time source
 */
public record EngineConfig(
    URI baseUri,
    @Nullable Deployment deployment,
    CredentialsProvider credentials,
    boolean allowInsecureHttp,
    RetryPolicy retryPolicy,
    @Nullable Quotas quotas,
    QuotaCoordinator quotaCoordinator,
    @Nullable String quotaGroup,
    boolean ownsQuotaCoordinator,
    boolean followDeploymentRedirects,
    Function<Deployment, URI> deploymentEndpoint,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    @Nullable Proxy proxy,
    String userAgent,
    @Nullable ClientListener listener,
    TimeSource time) {}
