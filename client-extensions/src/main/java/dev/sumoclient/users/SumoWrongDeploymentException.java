package dev.sumoclient.users;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The account lives on another deployment: Sumo Logic answered 301 with a {@code Location}.
 *
 * <p>{@link #targetDeployment()} names that deployment, so the fix is to build the client for it
 * (or enable {@code followDeploymentRedirects}). When the {@code Location} is not an https {@code
 * sumologic.com} address the redirect is refused and the target is empty.
 */
public class SumoWrongDeploymentException extends SumoServiceException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String location;
  private final @Nullable Deployment targetDeployment;

  /**
   * Creates the exception.
   *
   * @param operation the operation id
   * @param status the HTTP status (301, or another 3xx)
   * @param location the {@code Location} header, if any
   * @param targetDeployment the deployment the location points to, if it is a Sumo Logic one
   * @param explanation why the redirect is reported rather than followed
   */
  public SumoWrongDeploymentException(
      String operation,
      int status,
      @Nullable String location,
      @Nullable Deployment targetDeployment,
      String explanation) {
    super(operation, status, null, List.of(), null, null, ": " + explanation);
    this.location = location;
    this.targetDeployment = targetDeployment;
  }

  /**
   * Returns the {@code Location} header of the redirect.
   *
   * @return the location, or empty when the server sent none
   */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /**
   * Returns the deployment the redirect points to.
   *
   * @return the deployment, or empty when the location is not a Sumo Logic deployment
   */
  public Optional<Deployment> targetDeployment() {
    return Optional.ofNullable(targetDeployment);
  }
}
