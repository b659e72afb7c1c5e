/**
 * {@code sumo-users}, the command line for administrators of Sumo Logic users; {@link
 * dev.sumoclient.users.cli.SumoUsersCli} is its entry point, everything else is internal.
 */
@NullMarked
package dev.sumoclient.users.cli;

import org.jspecify.annotations.NullMarked;
