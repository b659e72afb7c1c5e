/**
 * The opt-in Actuator health indicator ({@code sumologic.users.health.enabled=true}), one class per
 * Spring Boot line, sharing one cached check.
 *
 * <p>Everything here is non-null unless a type or parameter says otherwise.
 */
@NullMarked
package dev.sumoclient.users.spring.boot.health;

import org.jspecify.annotations.NullMarked;
