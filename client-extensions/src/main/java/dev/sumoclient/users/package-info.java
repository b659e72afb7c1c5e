/**
 * The Sumo Logic user-management client: build a {@link dev.sumoclient.users.SumoUsersClient} and
 * call it.
 *
 * <p>Everything here is non-null unless a type or parameter says otherwise.
 */
@NullMarked
package dev.sumoclient.users;

import org.jspecify.annotations.NullMarked;
