/**
 * Spring Boot auto-configuration of the Sumo Logic user-management client: one {@link
 * dev.sumoclient.users.SumoUsersClient} bean from {@code sumologic.users.*} properties.
 *
 * <p>Everything here is non-null unless a type or parameter says otherwise.
 */
@NullMarked
package dev.sumoclient.users.spring.boot;

import org.jspecify.annotations.NullMarked;
