package dev.sumoclient.users.contract;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import dev.sumoclient.users.pact.SumoProviderStates;
import java.util.function.Predicate;

/**
 * Keeps the interactions that are safe and possible to replay against a real organization: GET
 * requests whose provider states need no change to the organization.
 *
 * <p>The filter value is ignored: what is read-only does not depend on configuration. A throttled
 * request is left out as well, because a real organization cannot be made to throttle on demand
 * without spending its quota.
 */
public final class ReadOnlyInteractions implements InteractionFilter<Interaction> {

  /** Creates the filter; Pact instantiates it from {@code @PactFilter}. */
  public ReadOnlyInteractions() {}

  @Override
  public Predicate<Interaction> buildPredicate(String[] values) {
    return interaction ->
        interaction.isSynchronousRequestResponse()
            && "GET"
                .equalsIgnoreCase(
                    interaction.asSynchronousRequestResponse().getRequest().getMethod())
            && interaction.getProviderStates().stream()
                .noneMatch(s -> SumoProviderStates.RATE_LIMIT_EXHAUSTED.equals(s.getName()));
  }
}
