/**
 * The emulator's machinery: HTTP transport, store, quotas, faults and journal; not an API.
 *
 * <p>Types here are public only so that the public package can reach them; they may change in any
 * release.
 */
@NullMarked
package dev.sumoclient.users.emulator.internal;

import org.jspecify.annotations.NullMarked;
