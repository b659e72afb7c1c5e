package dev.sumoclient.users;

/**
 * What one request is counted under: the rate budget is shared per group, the in-flight cap per
 * access id.
 *
 * <p>Sumo Logic counts its 4 requests per second per user, across all of that user's access keys,
 * and its 10 concurrent requests per access key. The client cannot see which user owns a key, so
 * the {@linkplain #group() group} names the budget: by default the access id itself, or a name set
 * with {@link SumoUsersClient.Builder#quotaGroup(String)} (such as the Sumo user's email) that
 * several access keys of one user share. Neither part is secret: an access id is not a credential.
 *
 * @param group the name of the shared rate budget
 * @param accessId the access id whose in-flight requests are capped
 */
public record QuotaKey(String group, String accessId) {

  /**
   * Checks both parts.
   *
   * @param group the name of the shared rate budget
   * @param accessId the access id whose in-flight requests are capped
   * @throws SumoValidationException if either is null or blank
   */
  public QuotaKey {
    if (group == null || group.isBlank()) {
      throw new SumoValidationException("group", "must not be blank");
    }
    if (accessId == null || accessId.isBlank()) {
      throw new SumoValidationException("accessId", "must not be blank");
    }
  }

  /**
   * Returns the key of an access id counted on its own, the default group.
   *
   * @param accessId the access id, which also names the group
   * @return the key
   * @throws SumoValidationException if the access id is blank
   */
  public static QuotaKey of(String accessId) {
    return new QuotaKey(accessId, accessId);
  }
}
