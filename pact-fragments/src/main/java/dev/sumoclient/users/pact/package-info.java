/**
 * Pact DSL fragments for the shapes of Sumo Logic's User Management API, so that a service using
 * sumo-users-java can write its own consumer contract in a few lines.
 *
 * <p>Start with {@link dev.sumoclient.users.pact.SumoUserBody} for a user, {@link
 * dev.sumoclient.users.pact.SumoPactBodies} for a page of users or an error body, {@link
 * dev.sumoclient.users.pact.SumoPact} for the provider name and matcher patterns, and {@link
 * dev.sumoclient.users.pact.SumoProviderStates} for the provider states our verification knows.
 */
@NullMarked
package dev.sumoclient.users.pact;

import org.jspecify.annotations.NullMarked;
