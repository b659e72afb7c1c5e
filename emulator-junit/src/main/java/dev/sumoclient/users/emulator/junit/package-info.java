/** A JUnit 5 extension that injects a Sumo Logic emulator and a client wired to it. */
@NullMarked
package dev.sumoclient.users.emulator.junit;

import org.jspecify.annotations.NullMarked;
