/**
 * The test slice for services: {@link
 * dev.sumoclient.users.spring.boot.test.AutoConfigureSumoEmulator} runs the client against an
 * embedded emulator.
 *
 * <p>Everything here is non-null unless a type or parameter says otherwise.
 */
@NullMarked
package dev.sumoclient.users.spring.boot.test;

import org.jspecify.annotations.NullMarked;
