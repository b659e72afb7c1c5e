package dev.sumoclient.users;

import static dev.sumoclient.users.internal.RequestValidator.literal;
import static dev.sumoclient.users.internal.RequestValidator.literalOrNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.generated.model.ChangeEmailRequest;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.DisableMfaRequest;
import dev.sumoclient.users.generated.model.ListUserModelsResponse;
import dev.sumoclient.users.generated.model.UpdateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.internal.Endpoints;
import dev.sumoclient.users.internal.Engine;
import dev.sumoclient.users.internal.EngineConfig;
import dev.sumoclient.users.internal.InJvmQuotaCoordinator;
import dev.sumoclient.users.internal.Json;
import dev.sumoclient.users.internal.Operation;
import dev.sumoclient.users.internal.RequestValidator;
import dev.sumoclient.users.internal.TimeSource;
import dev.sumoclient.users.internal.UserAgent;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Sumo Logic user-management client: every operation of the API, with typed errors, retries,
 * client-side quotas and validation.
 *
 * <p>Build one per deployment and access key and share it: it is immutable, thread-safe and holds a
 * connection pool, so {@link #close()} it when done.
 *
 * <pre>{@code
 * try (SumoUsersClient client = SumoUsersClient.builder().fromEnvironment().build()) {
 *   for (UserModel user : client.listUsers()) {
 *     System.out.println(user.getEmail());
 *   }
 * }
 * }</pre>
 *
 * <p>Every request is validated before it is sent ({@link SumoValidationException}); answers other
 * than success become a {@link SumoServiceException} subclass; network trouble and timeouts a
 * {@link SumoClientException}. See {@link RetryPolicy} for what is retried.
 */
public final class SumoUsersClient implements AutoCloseable {
  private final Engine engine;
  private final RequestValidator validator;
  private final String description;

  private SumoUsersClient(Engine engine, RequestValidator validator, String description) {
    this.engine = engine;
    this.validator = validator;
    this.description = description;
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Lists every user, lazily, one page at a time.
   *
   * @return the paginator; nothing is fetched until it is iterated
   */
  public ListUsersPaginator listUsers() {
    return listUsers(ListUsersRequest.builder().build());
  }

  /**
   * Lists users as the request says (page size, order, email filter, start token), lazily.
   *
   * @param request what to list
   * @return the paginator; nothing is fetched until it is iterated
   * @throws SumoValidationException if the request breaks a rule (checked at once)
   */
  public ListUsersPaginator listUsers(ListUsersRequest request) {
    requireArgument("request", request);
    validator.validate("listUsers", request);
    return new ListUsersPaginator(request, this::fetchPage);
  }

  private UserPage fetchPage(ListUsersRequest r) {
    ListUserModelsResponse response =
        engine.call(
            Operation.LIST_USERS,
            api ->
                api.listUsers(
                    r.limit().orElse(null),
                    literalOrNull(r.startToken().orElse(null)),
                    r.sortBy().orElse(null),
                    literalOrNull(r.email().orElse(null))));
    if (response == null) {
      return new UserPage(List.of(), null);
    }
    List<UserModel> data = response.getData() == null ? List.of() : response.getData();
    String next = response.getNext();
    return new UserPage(data, next == null || next.isBlank() ? null : next);
  }

  /**
   * Returns one user.
   *
   * @param id the user id
   * @return the user
   * @throws SumoNotFoundException if there is no such user
   */
  public UserModel getUser(String id) {
    RequestValidator.requireId("id", id);
    return engine.call(Operation.GET_USER, api -> api.getUser(literal(id)));
  }

  /**
   * Creates a user, who receives an invitation email; never sent twice once possibly processed.
   *
   * @param definition names, email and role ids
   * @return the new user
   * @throws SumoValidationException if the definition breaks a rule (nothing is sent)
   */
  public UserModel createUser(CreateUserDefinition definition) {
    requireArgument("definition", definition);
    validator.validate("createUser", definition);
    return engine.call(Operation.CREATE_USER, api -> api.createUser(definition));
  }

  /**
   * Replaces a user's names, active flag and roles.
   *
   * @param id the user id
   * @param definition the new values; every field is required by the API
   * @return the updated user
   * @throws SumoValidationException if the definition breaks a rule (nothing is sent)
   */
  public UserModel updateUser(String id, UpdateUserDefinition definition) {
    RequestValidator.requireId("id", id);
    requireArgument("definition", definition);
    validator.validate("updateUser", definition);
    return engine.call(Operation.UPDATE_USER, api -> api.updateUser(literal(id), definition));
  }

  /**
   * Deletes a user, doing with their content what the caller explicitly chose.
   *
   * @param id the user id
   *     <p>A delete is retried after a timeout or a gateway error like a read. Should the retry be
   *     answered 404 after an attempt that may have reached Sumo, the earlier attempt deleted the
   *     user, so the call succeeds rather than reporting a user it just deleted as not found.
   * @param content where the user's content goes; there is no default
   * @throws SumoValidationException if {@code content} is null, an id is invalid or the content
   *     would go to the user being deleted (nothing is sent)
   */
  public void deleteUser(String id, ContentDisposition content) {
    RequestValidator.requireId("id", id);
    if (content == null) {
      throw new SumoValidationException(
          "content",
          "must be chosen explicitly: ContentDisposition.transferTo(userId), deleteContent() or"
              + " transferToCaller()");
    }
    String transferTo = content.transferToUserId().orElse(null);
    if (transferTo != null) {
      RequestValidator.requireId("transferTo", transferTo);
      if (transferTo.equalsIgnoreCase(id)) {
        // Sumo would delete the receiver with the content: refused here, before sending.
        throw new SumoValidationException("transferTo", "must not be the user being deleted");
      }
    }
    Boolean deleteContent = content.deletesContent() ? Boolean.TRUE : null;
    engine.call(
        Operation.DELETE_USER,
        api -> {
          api.deleteUser(literal(id), literalOrNull(transferTo), deleteContent);
          return null;
        });
  }

  /**
   * Asks a user to confirm a new email address; never sent twice once possibly processed.
   *
   * @param id the user id
   * @param newEmail the new address
   * @throws SumoValidationException if the address is invalid (nothing is sent)
   */
  public void requestChangeEmail(String id, String newEmail) {
    RequestValidator.requireId("id", id);
    ChangeEmailRequest body = new ChangeEmailRequest().email(newEmail);
    validator.validate("requestChangeEmail", body);
    engine.call(
        Operation.REQUEST_CHANGE_EMAIL,
        api -> {
          api.requestChangeEmail(literal(id), body);
          return null;
        });
  }

  /**
   * Sends a user a password reset email; never sent twice once possibly processed.
   *
   * @param id the user id
   */
  public void resetPassword(String id) {
    RequestValidator.requireId("id", id);
    engine.call(
        Operation.RESET_PASSWORD,
        api -> {
          api.resetPassword(literal(id));
          return null;
        });
  }

  /**
   * Unlocks a user locked out by failed logins.
   *
   * @param id the user id
   */
  public void unlockUser(String id) {
    RequestValidator.requireId("id", id);
    engine.call(
        Operation.UNLOCK_USER,
        api -> {
          api.unlockUser(literal(id));
          return null;
        });
  }

  /**
   * Turns off multi-factor authentication for a user, proving identity with their credentials.
   *
   * <p>The password is never logged nor put into any message; the array is not modified, so the
   * caller can clear it afterwards.
   *
   * @param id the user id
   * @param email the user's email address
   * @param password the user's password
   * @throws SumoValidationException if an argument is missing or invalid (nothing is sent)
   */
  public void disableMfa(String id, String email, char[] password) {
    RequestValidator.requireId("id", id);
    if (password == null || password.length == 0) {
      throw new SumoValidationException("disableMfa.password", "must not be empty");
    }
    DisableMfaRequest body = new DisableMfaRequest().email(email).password(new String(password));
    validator.validate("disableMfa", body);
    engine.call(
        Operation.DISABLE_MFA,
        api -> {
          api.disableMfa(literal(id), body);
          return null;
        });
  }

  /**
   * Finds the user with an email address (compared ignoring case).
   *
   * @param email the address
   * @return the user, or empty when none has it
   * @throws SumoValidationException if the address is blank or malformed
   */
  public Optional<UserModel> findByEmail(String email) {
    if (email == null || email.isBlank()) {
      throw new SumoValidationException("email", "must not be blank");
    }
    String wanted = email.strip();
    return listUsers(ListUsersRequest.builder().email(wanted).build()).stream()
        .filter(u -> u.getEmail() != null && u.getEmail().equalsIgnoreCase(wanted))
        .findFirst();
  }

  /**
   * Deactivates a user, keeping their names and roles as they are.
   *
   * <p>Reads the user, then writes it back with {@code isActive=false}; a concurrent change made
   * between the two calls is overwritten, as the API offers no conditional update.
   *
   * @param id the user id
   * @return the updated user
   */
  public UserModel deactivate(String id) {
    return setActive(id, false);
  }

  /**
   * Activates a user, keeping their names and roles as they are.
   *
   * <p>Reads the user, then writes it back with {@code isActive=true}.
   *
   * @param id the user id
   * @return the updated user
   */
  public UserModel activate(String id) {
    return setActive(id, true);
  }

  private UserModel setActive(String id, boolean active) {
    UserModel current = getUser(id);
    List<String> roles = current.getRoleIds() == null ? List.of() : current.getRoleIds();
    UpdateUserDefinition update =
        new UpdateUserDefinition()
            .firstName(current.getFirstName())
            .lastName(current.getLastName())
            .isActive(active)
            .roleIds(new ArrayList<>(roles));
    return updateUser(id, update);
  }

  /**
   * Returns the deployment calls go to now (it changes after a followed redirect).
   *
   * @return the deployment, or empty for a custom endpoint
   */
  public Optional<Deployment> deployment() {
    return Optional.ofNullable(engine.currentDeployment());
  }

  /**
   * Returns the base URL calls go to now.
   *
   * @return the base URL, such as {@code https://api.us2.sumologic.com/api}
   */
  public URI endpoint() {
    return engine.currentBaseUri();
  }

  /**
   * Stops every call and releases the connection pool and threads: after this returns, nothing more
   * is sent.
   *
   * <p>Calls waiting for quota or for a retry fail at once with a "client closed" {@link
   * SumoClientException}, exchanges under way are cancelled (their calls fail the same way), and
   * calls made afterwards are refused. As with OkHttp's {@code cancelAll()}, closing is not a
   * graceful drain: finish the calls you care about first.
   */
  @Override
  public void close() {
    engine.close();
  }

  /** Returns a description naming the endpoint and credential source, never the key. */
  @Override
  public String toString() {
    return "SumoUsersClient[" + engine.currentBaseUri() + ", " + description + "]";
  }

  private static void requireArgument(String name, @Nullable Object value) {
    if (value == null) {
      throw new SumoValidationException(name, "must not be null");
    }
  }

  /**
   * Configures a {@link SumoUsersClient}; only a deployment (or endpoint) is required.
   *
   * <p>Defaults: credentials from {@link CredentialsProvider#defaultChain()}, {@link
   * RetryPolicy#defaults()}, {@link Quotas#sumoDefaults()}, redirects not followed, connect timeout
   * 10 s, read timeout 30 s, call deadline 60 s, no proxy.
   */
  public static final class Builder {
    private static final String QUOTA_GROUP_PROPERTY = "sumologic.quotaGroup";
    private static final String QUOTA_GROUP_VARIABLE = "SUMOLOGIC_QUOTA_GROUP";
    private static final String QUOTA_URL_PROPERTY = "sumologic.quotaRedisUrl";
    private static final String QUOTA_URL_VARIABLE = "SUMOLOGIC_QUOTA_REDIS_URL";
    private static final List<String> DEPLOYMENT_VARIABLES =
        List.of(
            "sumologic.environment",
            "sumologic.baseUrl",
            "SUMOLOGIC_ENVIRONMENT",
            "SUMOLOGIC_BASE_URL",
            "SUMO_ENDPOINT");

    private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    private @Nullable Deployment deployment;
    private @Nullable URI endpoint;
    private @Nullable CredentialsProvider credentialsProvider;
    private boolean allowInsecureHttp;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private boolean rateLimiting = true;
    private Quotas quotas = Quotas.sumoDefaults();
    private @Nullable QuotaCoordinator quotaCoordinator;
    private @Nullable String quotaGroup;
    private @Nullable String environmentQuotaGroup;
    private Map.@Nullable Entry<String, String> environmentQuotaUrl;

    /** The sources the quota URL came from, where its provider reads its own settings. */
    private Function<String, @Nullable String> environmentProperties = System::getProperty;

    private Function<String, @Nullable String> environmentVariables = System::getenv;
    private boolean followDeploymentRedirects;
    private Function<Deployment, URI> deploymentEndpoint = Deployment::apiBaseUri;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private @Nullable Proxy proxy;
    private @Nullable String applicationName;
    private @Nullable ClientListener listener;
    private TimeSource time = TimeSource.SYSTEM;
    private okhttp3.@Nullable Dns dns;
    private boolean environmentConsulted;

    private Builder() {}

    /**
     * Sets the deployment to call, such as {@link Deployment#US2}.
     *
     * @param deployment the deployment
     * @return this builder
     */
    public Builder deployment(Deployment deployment) {
      requireArgument("deployment", deployment);
      this.deployment = deployment;
      return this;
    }

    /**
     * Overrides the base URL, for proxies, gateways and the emulator; it wins over the deployment.
     *
     * <p>Plain http is refused unless the host is loopback or {@link #allowInsecureHttp(boolean)}
     * is set. Trailing slashes and a {@code /v1} tail are ignored.
     *
     * @param endpoint for example {@code http://127.0.0.1:8080/api}
     * @return this builder
     */
    public Builder endpoint(URI endpoint) {
      requireArgument("endpoint", endpoint);
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Takes the deployment and credentials from system properties and the environment.
     *
     * <p>The deployment comes from the first one set of: the system properties {@code
     * sumologic.environment} (a code) and {@code sumologic.baseUrl} (a URL); the environment
     * variables {@code SUMOLOGIC_ENVIRONMENT} (a code), {@code SUMOLOGIC_BASE_URL} and {@code
     * SUMO_ENDPOINT} (URLs). A URL on a Sumo Logic host selects its deployment; any other host
     * becomes the {@linkplain #endpoint(URI) endpoint}. Credentials come from the system properties
     * {@code sumologic.accessId}/{@code sumologic.accessKey}, then {@code
     * SUMOLOGIC_ACCESSID}/{@code SUMOLOGIC_ACCESSKEY} or {@code SUMO_ACCESS_ID}/{@code
     * SUMO_ACCESS_KEY}.
     *
     * <p>The {@linkplain #quotaGroup(String) quota group} comes from {@code sumologic.quotaGroup},
     * then {@code SUMOLOGIC_QUOTA_GROUP}. A shared quota store's URL comes from {@code
     * sumologic.quotaRedisUrl}, then {@code SUMOLOGIC_QUOTA_REDIS_URL}: {@link #build()} then
     * creates the {@linkplain #quotaCoordinator(QuotaCoordinator) coordinator} with the first
     * {@link QuotaCoordinatorProvider} on the class path that supports the URL (the module {@code
     * sumo-users-quota-redis} provides one), and the client closes it when closed. A group or
     * coordinator set on this builder wins over the environment's.
     *
     * @return this builder
     */
    public Builder fromEnvironment() {
      return fromSources(System::getProperty, System::getenv);
    }

    /**
     * Takes the deployment and credentials from the given environment variables (and the real
     * system properties), as {@link #fromEnvironment()} does.
     *
     * @param env looks up a variable by name, returning null when unset
     * @return this builder
     */
    public Builder fromEnvironment(Function<String, @Nullable String> env) {
      return fromSources(System::getProperty, env);
    }

    /** Reads both sources through the given lookups, so tests touch no global state. */
    Builder fromSources(
        Function<String, @Nullable String> properties, Function<String, @Nullable String> env) {
      environmentConsulted = true;
      List<Map.Entry<String, Function<String, @Nullable String>>> sources =
          List.of(
              Map.entry("sumologic.environment", properties),
              Map.entry("sumologic.baseUrl", properties),
              Map.entry("SUMOLOGIC_ENVIRONMENT", env),
              Map.entry("SUMOLOGIC_BASE_URL", env),
              Map.entry("SUMO_ENDPOINT", env));
      for (Map.Entry<String, Function<String, @Nullable String>> source : sources) {
        String name = source.getKey();
        String value = source.getValue().apply(name);
        if (value == null || value.isBlank()) {
          continue;
        }
        if (name.equalsIgnoreCase("sumologic.environment")
            || name.equalsIgnoreCase("SUMOLOGIC_ENVIRONMENT")
            || !value.contains("://")) {
          deployment = parseVariable(name, value);
        } else {
          URI uri = parseUri(name, value);
          if (uri.getRawUserInfo() != null) {
            // Refused rather than dropped: whoever put id:key there expects it to be used.
            throw new SumoConfigurationException(
                name
                    + " must not carry user information; set the access id and key in their own"
                    + " variables");
          }
          Optional<Deployment> sumo =
              uri.getHost() == null ? Optional.empty() : Deployment.forHost(uri.getHost());
          if (sumo.isPresent() && "https".equalsIgnoreCase(uri.getScheme())) {
            deployment = sumo.get();
          } else {
            endpoint = uri;
          }
        }
        break;
      }
      credentialsProvider =
          CredentialsProvider.chain(
              CredentialsProvider.systemProperties(properties),
              CredentialsProvider.environment(env));
      Map.Entry<String, String> group =
          firstSet(properties, env, QUOTA_GROUP_PROPERTY, QUOTA_GROUP_VARIABLE);
      if (group != null) {
        environmentQuotaGroup = checkedGroup(group.getKey(), group.getValue());
      }
      environmentQuotaUrl = firstSet(properties, env, QUOTA_URL_PROPERTY, QUOTA_URL_VARIABLE);
      environmentProperties = properties;
      environmentVariables = env;
      return this;
    }

    private static Map.@Nullable Entry<String, String> firstSet(
        Function<String, @Nullable String> properties,
        Function<String, @Nullable String> env,
        String property,
        String variable) {
      String value = properties.apply(property);
      if (value != null && !value.isBlank()) {
        return Map.entry(property, value.strip());
      }
      value = env.apply(variable);
      if (value != null && !value.isBlank()) {
        return Map.entry(variable, value.strip());
      }
      return null;
    }

    private static String checkedGroup(String field, @Nullable String group) {
      if (group == null || group.isBlank()) {
        throw new SumoValidationException(field, "must not be blank");
      }
      if (group.length() > 256 || group.chars().anyMatch(Character::isISOControl)) {
        throw new SumoValidationException(
            field, "must be at most 256 characters without control characters");
      }
      return group;
    }

    private static Deployment parseVariable(String name, String value) {
      try {
        return Deployment.parse(value);
      } catch (SumoValidationException e) {
        throw new SumoValidationException(name, e.violations().get(0).rule());
      }
    }

    private static URI parseUri(String name, String value) {
      try {
        return URI.create(value.strip());
      } catch (IllegalArgumentException e) {
        throw new SumoValidationException(name, "must be a URL");
      }
    }

    /**
     * Sets where credentials come from; asked before every request.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder credentialsProvider(CredentialsProvider provider) {
      requireArgument("credentialsProvider", provider);
      this.credentialsProvider = provider;
      return this;
    }

    /**
     * Sets a fixed access id and key.
     *
     * @param accessId the access id
     * @param accessKey the access key
     * @return this builder
     * @throws SumoValidationException if either is blank
     */
    public Builder credentials(String accessId, String accessKey) {
      this.credentialsProvider = CredentialsProvider.of(accessId, accessKey);
      return this;
    }

    /**
     * Allows plain http to hosts that are not loopback, sending credentials in clear text.
     *
     * @param allow true to allow
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Sets the retry policy.
     *
     * @param retryPolicy the policy, such as {@link RetryPolicy#none()}
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      requireArgument("retryPolicy", retryPolicy);
      this.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * Turns the client-side quota limiter on (the default) or off.
     *
     * @param enabled false to send without waiting for quota
     * @return this builder
     */
    public Builder rateLimiting(boolean enabled) {
      this.rateLimiting = enabled;
      return this;
    }

    /**
     * Sets the quotas the limiter enforces, for accounts with other limits than Sumo's defaults.
     *
     * @param quotas the quotas
     * @return this builder
     */
    public Builder quotas(Quotas quotas) {
      requireArgument("quotas", quotas);
      this.quotas = quotas;
      return this;
    }

    /**
     * Sets who decides when a request may be sent; by default {@link QuotaCoordinator#inJvm()}.
     *
     * <p>Every process that uses one Sumo user needs the same shared coordinator (such as {@code
     * RedisQuotas} of the module {@code sumo-users-quota-redis}) to keep to the user's quotas
     * together. The client does not close a coordinator set here; the caller does, after the
     * clients that use it.
     *
     * @param coordinator the coordinator
     * @return this builder
     */
    public Builder quotaCoordinator(QuotaCoordinator coordinator) {
      requireArgument("quotaCoordinator", coordinator);
      this.quotaCoordinator = coordinator;
      return this;
    }

    /**
     * Names the budget of 4 requests per second that this client's requests count against; by
     * default the access id of each request.
     *
     * <p>Sumo Logic counts the rate per user across all of the user's access keys, so clients that
     * use different access keys of one user should share a group, such as the user's email. The
     * in-flight cap stays per access id. A group is not a secret; never put a key in it.
     *
     * @param group a non-blank name of at most 256 characters without control characters
     * @return this builder
     * @throws SumoValidationException if the group is blank, too long or has control characters
     */
    public Builder quotaGroup(String group) {
      this.quotaGroup = checkedGroup("quotaGroup", group);
      return this;
    }

    /**
     * Follows a 301 to another Sumo Logic deployment (https {@code *.sumologic.com} only), replays
     * the request there and keeps using that deployment; off by default.
     *
     * @param follow true to follow
     * @return this builder
     */
    public Builder followDeploymentRedirects(boolean follow) {
      this.followDeploymentRedirects = follow;
      return this;
    }

    /**
     * Sets how a deployment is reached, both the configured one and one a followed redirect names;
     * by default its {@link Deployment#apiBaseUri()}.
     *
     * <p>Useful behind a gateway that maps deployments to internal URLs, and in tests. The URLs it
     * returns obey the same http rules as {@link #endpoint(URI)}.
     *
     * @param resolver maps a deployment to a base URL
     * @return this builder
     */
    public Builder deploymentEndpointResolver(Function<Deployment, URI> resolver) {
      requireArgument("deploymentEndpointResolver", resolver);
      this.deploymentEndpoint = resolver;
      return this;
    }

    /**
     * Sets the TCP and TLS connect timeout.
     *
     * @param timeout from 1 ms to {@code Integer.MAX_VALUE} ms (about 24.8 days)
     * @return this builder
     * @throws SumoValidationException if outside that range
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the longest silence while waiting for response bytes.
     *
     * @param timeout from 1 ms to {@code Integer.MAX_VALUE} ms (about 24.8 days)
     * @return this builder
     * @throws SumoValidationException if outside that range
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /**
     * Sets the deadline of a whole call, including quota waits, retries and backoff.
     *
     * @param timeout from 1 ms to {@code Integer.MAX_VALUE} ms (about 24.8 days)
     * @return this builder
     * @throws SumoValidationException if outside that range
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive("callTimeout", timeout);
      return this;
    }

    /**
     * Sends requests through a proxy.
     *
     * @param proxy the proxy
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      requireArgument("proxy", proxy);
      this.proxy = proxy;
      return this;
    }

    /**
     * Appends an application product token to the {@code User-Agent}, such as {@code
     * user-sync/2.1}.
     *
     * @param applicationName a token of letters, digits and {@code !#$%&'*+.^_`|~-}, optionally
     *     with {@code /version}
     * @return this builder
     * @throws SumoValidationException if it is not a valid product token
     */
    public Builder applicationName(String applicationName) {
      if (applicationName == null || !UserAgent.isValidProduct(applicationName)) {
        throw new SumoValidationException(
            "applicationName", "must be a product token such as my-app/1.2 (no spaces)");
      }
      this.applicationName = applicationName;
      return this;
    }

    /**
     * Sets the listener that receives traffic events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ClientListener listener) {
      requireArgument("listener", listener);
      this.listener = listener;
      return this;
    }

    /** Replaces the host name resolver; for tests of this package. */
    Builder dns(okhttp3.Dns dns) {
      this.dns = dns;
      return this;
    }

    /** Replaces the clock, sleeper and random source; for tests of this package. */
    Builder timeSource(TimeSource time) {
      this.time = time;
      return this;
    }

    /**
     * Builds the client, failing fast on missing configuration.
     *
     * @return the client
     * @throws SumoConfigurationException when no deployment or endpoint is set, no credentials are
     *     found (the message names every source tried), or the endpoint is plain http to a host
     *     that is not loopback
     */
    public SumoUsersClient build() {
      URI base;
      Deployment resolvedDeployment = deployment;
      if (endpoint != null) {
        base = Endpoints.normalize(endpoint, allowInsecureHttp);
        if (resolvedDeployment == null && "https".equals(base.getScheme())) {
          resolvedDeployment = Deployment.forHost(base.getHost()).orElse(null);
        }
      } else if (deployment != null) {
        base = Endpoints.normalize(deploymentEndpoint.apply(deployment), allowInsecureHttp);
      } else {
        throw new SumoConfigurationException(
            "No deployment configured: call deployment(Deployment.US2), endpoint(URI) or"
                + " fromEnvironment()"
                + (environmentConsulted
                    ? "; none of the system properties and environment variables "
                        + String.join(", ", DEPLOYMENT_VARIABLES)
                        + " is set"
                    : ""));
      }
      CredentialsProvider provider =
          checked(
              credentialsProvider != null
                  ? credentialsProvider
                  : CredentialsProvider.defaultChain());
      Credentials initial = provider.resolveCredentials();
      QuotaCoordinator coordinator = quotaCoordinator;
      boolean ownsCoordinator = false;
      if (coordinator == null && rateLimiting && environmentQuotaUrl != null) {
        coordinator =
            fromProvider(
                environmentQuotaUrl.getKey(),
                environmentQuotaUrl.getValue(),
                environmentProperties,
                environmentVariables);
        ownsCoordinator = true;
      }
      if (coordinator == null) {
        coordinator = InJvmQuotaCoordinator.on(time);
      }
      EngineConfig config =
          new EngineConfig(
              base,
              resolvedDeployment,
              provider,
              allowInsecureHttp,
              retryPolicy,
              rateLimiting ? quotas : null,
              coordinator,
              quotaGroup != null ? quotaGroup : environmentQuotaGroup,
              ownsCoordinator,
              followDeploymentRedirects,
              deploymentEndpoint,
              connectTimeout,
              readTimeout,
              callTimeout,
              proxy,
              UserAgent.header(applicationName),
              listener,
              time,
              dns);
      ObjectMapper mapper = Json.newMapper();
      String description = "accessId=" + initial.accessId() + " via " + provider.describe();
      return new SumoUsersClient(new Engine(config, mapper), new RequestValidator(), description);
    }

    /**
     * Finds the provider for a URL from the environment; messages name the variable, not the URL.
     */
    private static QuotaCoordinator fromProvider(
        String variable,
        String value,
        Function<String, @Nullable String> properties,
        Function<String, @Nullable String> env) {
      URI url;
      try {
        url = new URI(value);
      } catch (URISyntaxException e) {
        throw new SumoConfigurationException(variable + " is not a valid URL");
      }
      if (url.getScheme() == null) {
        throw new SumoConfigurationException(
            variable + " must be a URL with a scheme, such as redis://host:6379");
      }
      List<ClassLoader> loaders = new ArrayList<>();
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        loaders.add(context);
      }
      loaders.add(QuotaCoordinatorProvider.class.getClassLoader());
      for (ClassLoader loader : loaders) {
        for (QuotaCoordinatorProvider provider :
            ServiceLoader.load(QuotaCoordinatorProvider.class, loader)) {
          if (provider.supports(url)) {
            return provider.create(url, properties, env);
          }
        }
      }
      throw new SumoConfigurationException(
          variable
              + " is set, but no QuotaCoordinatorProvider on the class path supports its scheme "
              + url.getScheme()
              + "; add the dependency dev.sumoclient:sumo-users-quota-redis");
    }

    private static CredentialsProvider checked(CredentialsProvider provider) {
      return new CredentialsProvider() {
        @Override
        public Credentials resolveCredentials() {
          Credentials credentials;
          try {
            credentials = provider.resolveCredentials();
          } catch (SumoValidationException e) {
            throw new SumoConfigurationException(
                "Invalid credentials from " + provider.describe() + ": " + e.getMessage());
          }
          if (credentials == null) {
            throw new SumoConfigurationException(provider.describe() + " returned no credentials");
          }
          return credentials;
        }

        @Override
        public String describe() {
          return provider.describe();
        }
      };
    }

    /**
     * Checks a timeout against what OkHttp accepts: whole milliseconds from 1 ms to {@code
     * Integer.MAX_VALUE} ms (about 24.8 days). Checked here, naming the setting, rather than left
     * to fail inside {@link #build()} with OkHttp's bare {@code IllegalArgumentException}.
     */
    private static Duration positive(String field, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new SumoValidationException(field, "must be a positive duration");
      }
      if (value.compareTo(MIN_TIMEOUT) < 0) {
        throw new SumoValidationException(field, "must be at least 1 ms, but was " + value);
      }
      if (value.compareTo(MAX_TIMEOUT) > 0) {
        throw new SumoValidationException(
            field,
            "must be at most "
                + MAX_TIMEOUT
                + " (Integer.MAX_VALUE ms, the longest timeout OkHttp takes), but was "
                + value);
      }
      return value;
    }
  }
}
