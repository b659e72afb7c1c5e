/**
 * Micrometer metrics for the Sumo Logic user-management client: register a {@link
 * dev.sumoclient.users.micrometer.MicrometerClientListener} as the client's listener.
 *
 * <p>Everything here is non-null unless a type or parameter says otherwise.
 */
@NullMarked
package dev.sumoclient.users.micrometer;

import org.jspecify.annotations.NullMarked;
