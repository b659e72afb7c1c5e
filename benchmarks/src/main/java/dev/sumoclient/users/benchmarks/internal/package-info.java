/**
 * Benchmarks of the client against raw HTTP + Jackson, all run against a separate emulator process.
 *
 * <p>Not an API: the classes are public only because JMH's generated code extends them. Start with
 * {@link dev.sumoclient.users.benchmarks.internal.BenchmarkMain}.
 */
@org.jspecify.annotations.NullMarked
package dev.sumoclient.users.benchmarks.internal;
