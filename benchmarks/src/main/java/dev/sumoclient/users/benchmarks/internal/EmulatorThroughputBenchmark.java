package dev.sumoclient.users.benchmarks.internal;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 6: how many {@code getUser} requests per second the emulator serves with limits off.
 *
 * <p>The load comes from the lightest client there is (raw OkHttp, body read but not decoded) on 4
 * threads, in another JVM than the emulator but on the same cores, so the figure is a floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(4)
public class EmulatorThroughputBenchmark {
  private EmulatorProcess emulator;
  private RawOkHttpClient http;
  private String url;

  /** Connects to the run's emulator (limits off) and picks a user to fetch. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    emulator = EmulatorProcess.sharedOrStart(1000);
    http = new RawOkHttpClient(emulator.baseUri().toString());
    url = http.usersUrl + "/" + http.listPage(1, null).getData().get(0).getId();
  }

  /** Releases everything {@link #start()} took. */
  @TearDown(Level.Trial)
  public void stop() {
    http.close();
    emulator.close();
  }

  /**
   * One {@code GET /api/v1/users/{id}} answered with 200.
   *
   * @return the body, consumed by JMH
   */
  @Benchmark
  public byte[] getUser() throws Exception {
    return http.get(url);
  }
}
