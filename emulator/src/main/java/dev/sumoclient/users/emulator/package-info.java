/**
 * A local stand-in for the Sumo Logic User Management API, for tests, demos and non-JVM tools.
 *
 * <p>Start one with {@link dev.sumoclient.users.emulator.SumoEmulator#builder()}, or per test class
 * with {@link dev.sumoclient.users.emulator.SumoEmulatorExtension}. Everything in the {@code
 * internal} sub-package may change without notice.
 */
@NullMarked
package dev.sumoclient.users.emulator;

import org.jspecify.annotations.NullMarked;
