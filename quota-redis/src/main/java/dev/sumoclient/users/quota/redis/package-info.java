/**
 * Shares one Sumo Logic user's API quotas among every JVM through Redis: {@link
 * dev.sumoclient.users.quota.redis.RedisQuotas}.
 *
 * <p>Everything here is non-null unless a type or parameter says otherwise.
 */
@NullMarked
package dev.sumoclient.users.quota.redis;

import org.jspecify.annotations.NullMarked;
