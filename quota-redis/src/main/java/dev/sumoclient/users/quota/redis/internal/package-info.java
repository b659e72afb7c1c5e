/** The Redis coordinator's workings: scripts, key names, connection and leases. Not public API. */
@NullMarked
package dev.sumoclient.users.quota.redis.internal;

import org.jspecify.annotations.NullMarked;
