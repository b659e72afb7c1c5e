/** A real {@code redis-server} for the project's tests and benchmarks. Not published. */
@org.jspecify.annotations.NullMarked
package dev.sumoclient.users.testing.redis;
