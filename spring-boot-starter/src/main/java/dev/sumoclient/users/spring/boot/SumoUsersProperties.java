package dev.sumoclient.users.spring.boot;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code sumologic.users.*} properties the auto-configured client is built from.
 *
 * <p>Whatever is not set falls back to the client's own environment chain ({@code
 * SUMOLOGIC_ENVIRONMENT}, {@code SUMOLOGIC_ACCESSID} and the rest), then to the client's defaults.
 */
@ConfigurationProperties(prefix = SumoUsersProperties.PREFIX)
public class SumoUsersProperties {
  /** The prefix of every property. */
  public static final String PREFIX = "sumologic.users";

  /** Whether to auto-configure the client at all. */
  private boolean enabled = true;

  /** Access id; with the access key, replaces the environment chain's credentials. */
  private @Nullable String accessId;

  /** Access key; never logged. */
  private @Nullable String accessKey;

  /** Deployment code, such as us2 or eu. */
  private @Nullable String deployment;

  /** Base URL that overrides the deployment, for gateways and the emulator. */
  private @Nullable URI endpoint;

  /** Whether plain http to a host that is not loopback is allowed (credentials in clear text). */
  private boolean allowInsecureHttp = false;

  /** Whether a 301 to another Sumo Logic deployment is followed. */
  private boolean followDeploymentRedirects = false;

  /** Product token appended to the User-Agent, such as user-sync/2.1. */
  private @Nullable String applicationName;

  /** TCP and TLS connect timeout. */
  private Duration connectTimeout = Duration.ofSeconds(10);

  /** Longest silence while waiting for response bytes. */
  private Duration readTimeout = Duration.ofSeconds(30);

  /** Deadline of a whole call, including quota waits, retries and backoff. */
  private Duration callTimeout = Duration.ofSeconds(60);

  private final Retry retry = new Retry();
  private final Quota quota = new Quota();
  private final Metrics metrics = new Metrics();
  private final Health health = new Health();

  /**
   * Returns whether the client is auto-configured.
   *
   * @return true by default
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the client is auto-configured.
   *
   * @param enabled false to leave it out
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Returns the access id.
   *
   * @return the access id, or null to use the environment chain
   */
  public @Nullable String getAccessId() {
    return accessId;
  }

  /**
   * Sets the access id.
   *
   * @param accessId the access id
   */
  public void setAccessId(@Nullable String accessId) {
    this.accessId = accessId;
  }

  /**
   * Returns the access key.
   *
   * @return the access key, or null to use the environment chain
   */
  public @Nullable String getAccessKey() {
    return accessKey;
  }

  /**
   * Sets the access key.
   *
   * @param accessKey the access key
   */
  public void setAccessKey(@Nullable String accessKey) {
    this.accessKey = accessKey;
  }

  /**
   * Returns the deployment code.
   *
   * @return the code, or null
   */
  public @Nullable String getDeployment() {
    return deployment;
  }

  /**
   * Sets the deployment code.
   *
   * @param deployment a code such as {@code us2}
   */
  public void setDeployment(@Nullable String deployment) {
    this.deployment = deployment;
  }

  /**
   * Returns the endpoint.
   *
   * @return the base URL, or null
   */
  public @Nullable URI getEndpoint() {
    return endpoint;
  }

  /**
   * Sets the endpoint.
   *
   * @param endpoint the base URL
   */
  public void setEndpoint(@Nullable URI endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Returns whether insecure http is allowed.
   *
   * @return false by default
   */
  public boolean isAllowInsecureHttp() {
    return allowInsecureHttp;
  }

  /**
   * Sets whether insecure http is allowed.
   *
   * @param allowInsecureHttp true to allow
   */
  public void setAllowInsecureHttp(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
  }

  /**
   * Returns whether deployment redirects are followed.
   *
   * @return false by default
   */
  public boolean isFollowDeploymentRedirects() {
    return followDeploymentRedirects;
  }

  /**
   * Sets whether deployment redirects are followed.
   *
   * @param followDeploymentRedirects true to follow
   */
  public void setFollowDeploymentRedirects(boolean followDeploymentRedirects) {
    this.followDeploymentRedirects = followDeploymentRedirects;
  }

  /**
   * Returns the application name.
   *
   * @return the product token, or null
   */
  public @Nullable String getApplicationName() {
    return applicationName;
  }

  /**
   * Sets the application name.
   *
   * @param applicationName a product token
   */
  public void setApplicationName(@Nullable String applicationName) {
    this.applicationName = applicationName;
  }

  /**
   * Returns the connect timeout.
   *
   * @return the timeout
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeout a positive duration
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * Returns the read timeout.
   *
   * @return the timeout
   */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets the read timeout.
   *
   * @param readTimeout a positive duration
   */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /**
   * Returns the call timeout.
   *
   * @return the deadline
   */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /**
   * Sets the call timeout.
   *
   * @param callTimeout a positive duration
   */
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /**
   * Returns the retry settings.
   *
   * @return the retry settings
   */
  public Retry getRetry() {
    return retry;
  }

  /**
   * Returns the quota settings.
   *
   * @return the quota settings
   */
  public Quota getQuota() {
    return quota;
  }

  /**
   * Returns the metrics settings.
   *
   * @return the metrics settings
   */
  public Metrics getMetrics() {
    return metrics;
  }

  /**
   * Returns the health settings.
   *
   * @return the health settings
   */
  public Health getHealth() {
    return health;
  }

  /** How failed calls are retried ({@code sumologic.users.retry.*}). */
  public static class Retry {
    /** How many times a call is retried after its first attempt; 0 for none. */
    private int maxRetries = 3;

    /** Backoff before the first retry, doubled for each further retry (with full jitter). */
    private Duration baseDelay = Duration.ofMillis(200);

    /** Cap on the computed backoff. */
    private Duration maxDelay = Duration.ofSeconds(20);

    /** Whether a Retry-After header replaces the computed backoff. */
    private boolean honorRetryAfter = true;

    /** Creates the defaults. */
    public Retry() {}

    /**
     * Returns the retry count.
     *
     * @return 3 by default
     */
    public int getMaxRetries() {
      return maxRetries;
    }

    /**
     * Sets the retry count.
     *
     * @param maxRetries zero or more
     */
    public void setMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
    }

    /**
     * Returns the base delay.
     *
     * @return 200 ms by default
     */
    public Duration getBaseDelay() {
      return baseDelay;
    }

    /**
     * Sets the base delay.
     *
     * @param baseDelay a positive duration
     */
    public void setBaseDelay(Duration baseDelay) {
      this.baseDelay = baseDelay;
    }

    /**
     * Returns the backoff cap.
     *
     * @return 20 s by default
     */
    public Duration getMaxDelay() {
      return maxDelay;
    }

    /**
     * Sets the backoff cap.
     *
     * @param maxDelay a positive duration
     */
    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    /**
     * Returns whether Retry-After is honoured.
     *
     * @return true by default
     */
    public boolean isHonorRetryAfter() {
      return honorRetryAfter;
    }

    /**
     * Sets whether Retry-After is honoured.
     *
     * @param honorRetryAfter false to use the computed backoff always
     */
    public void setHonorRetryAfter(boolean honorRetryAfter) {
      this.honorRetryAfter = honorRetryAfter;
    }
  }

  /** The client-side quota limiter ({@code sumologic.users.quota.*}). */
  public static class Quota {
    /** Whether the client waits for quota before sending. */
    private boolean enabled = true;

    /** How many requests may start within one window. */
    private int requests = 4;

    /** The window length. */
    private Duration per = Duration.ofSeconds(1);

    /** How many requests may be in flight at once. */
    private int maxConcurrent = 10;

    /**
     * Name of the budget of requests per second this client counts against; by default the access
     * id. Clients using different keys of one Sumo user should share one, such as the user's email.
     */
    private @Nullable String group;

    private final Redis redis = new Redis();

    /** Creates the defaults. */
    public Quota() {}

    /**
     * Returns the quota group.
     *
     * @return the group, or null for the access id
     */
    public @Nullable String getGroup() {
      return group;
    }

    /**
     * Sets the quota group.
     *
     * @param group a non-blank name of at most 256 characters
     */
    public void setGroup(@Nullable String group) {
      this.group = group;
    }

    /**
     * Returns the Redis coordinator settings.
     *
     * @return the settings
     */
    public Redis getRedis() {
      return redis;
    }

    /**
     * Returns whether the limiter is on.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the limiter is on.
     *
     * @param enabled false to send without waiting
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns the requests per window.
     *
     * @return 4 by default
     */
    public int getRequests() {
      return requests;
    }

    /**
     * Sets the requests per window.
     *
     * @param requests one or more
     */
    public void setRequests(int requests) {
      this.requests = requests;
    }

    /**
     * Returns the window length.
     *
     * @return 1 s by default
     */
    public Duration getPer() {
      return per;
    }

    /**
     * Sets the window length.
     *
     * @param per a positive duration
     */
    public void setPer(Duration per) {
      this.per = per;
    }

    /**
     * Returns the concurrency limit.
     *
     * @return 10 by default
     */
    public int getMaxConcurrent() {
      return maxConcurrent;
    }

    /**
     * Sets the concurrency limit.
     *
     * @param maxConcurrent one or more
     */
    public void setMaxConcurrent(int maxConcurrent) {
      this.maxConcurrent = maxConcurrent;
    }
  }

  /**
   * The Redis quota coordinator ({@code sumologic.users.quota.redis.*}), shared by every process
   * that uses one Sumo user; needs {@code sumo-users-quota-redis} on the classpath.
   */
  public static class Redis {
    /**
     * Redis URL (redis:// or rediss://, optionally with user:password@); setting it turns the
     * coordinator on. Never logged.
     */
    private @Nullable URI url;

    /**
     * What to do while Redis is unreachable: in-jvm limits at a share of the quotas, or fail-fast.
     */
    private Fallback fallback = Fallback.IN_JVM;

    /** Share of the quotas each process keeps to while it falls back to in-JVM limits. */
    private double fallbackShare = 0.5;

    /** Timeout of each Redis command. */
    private Duration commandTimeout = Duration.ofMillis(200);

    /** Creates the defaults. */
    public Redis() {}

    /**
     * Returns the Redis URL.
     *
     * @return the URL, or null when the coordinator is off
     */
    public @Nullable URI getUrl() {
      return url;
    }

    /**
     * Sets the Redis URL.
     *
     * @param url a redis:// or rediss:// URL
     */
    public void setUrl(@Nullable URI url) {
      this.url = url;
    }

    /**
     * Returns the fallback policy.
     *
     * @return in-jvm by default
     */
    public Fallback getFallback() {
      return fallback;
    }

    /**
     * Sets the fallback policy.
     *
     * @param fallback the policy
     */
    public void setFallback(Fallback fallback) {
      this.fallback = fallback;
    }

    /**
     * Returns the fallback share.
     *
     * @return 0.5 by default
     */
    public double getFallbackShare() {
      return fallbackShare;
    }

    /**
     * Sets the fallback share.
     *
     * @param fallbackShare more than 0, at most 1
     */
    public void setFallbackShare(double fallbackShare) {
      this.fallbackShare = fallbackShare;
    }

    /**
     * Returns the command timeout.
     *
     * @return 200 ms by default
     */
    public Duration getCommandTimeout() {
      return commandTimeout;
    }

    /**
     * Sets the command timeout.
     *
     * @param commandTimeout a positive duration
     */
    public void setCommandTimeout(Duration commandTimeout) {
      this.commandTimeout = commandTimeout;
    }
  }

  /** What the Redis coordinator does while Redis is unreachable. */
  public enum Fallback {
    /** Keep to a share of the quotas within this process. */
    IN_JVM,
    /** Fail calls with a timeout until Redis answers again. */
    FAIL_FAST
  }

  /** Micrometer metrics ({@code sumologic.users.metrics.*}). */
  public static class Metrics {
    /** Whether the client's meters are recorded when a MeterRegistry bean exists. */
    private boolean enabled = true;

    /** Creates the defaults. */
    public Metrics() {}

    /**
     * Returns whether metrics are recorded.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether metrics are recorded.
     *
     * @param enabled false to record none
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The Actuator health indicator ({@code sumologic.users.health.*}). */
  public static class Health {
    /** Whether the sumoUsers health indicator is registered; each check costs one API call. */
    private boolean enabled = false;

    /** How long a check's result is reused before the API is called again. */
    private Duration cacheTtl = Duration.ofSeconds(60);

    /** Creates the defaults. */
    public Health() {}

    /**
     * Returns whether the indicator is registered.
     *
     * @return false by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the indicator is registered.
     *
     * @param enabled true to register it
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns how long a result is reused.
     *
     * @return 60 s by default
     */
    public Duration getCacheTtl() {
      return cacheTtl;
    }

    /**
     * Sets how long a result is reused.
     *
     * @param cacheTtl zero or more; zero checks on every request
     */
    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }
  }
}
