package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.generated.model.UserModel;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 1: one {@code getUser} call, client against both raw baselines, one emulator, one run.
 *
 * <p>Sampled per call so that the median can be compared; {@code -prof gc} adds allocations per
 * call ({@code gc.alloc.rate.norm}), which count only this JVM since the emulator runs apart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GetUserBenchmark {
  private EmulatorProcess emulator;
  private SumoUsersClient client;
  private RawJdkClient rawJdk;
  private RawOkHttpClient rawOkHttp;
  private @Nullable Peer okhttpGson;
  private @Nullable Peer nativeJdk;
  private String id;

  /** Connects the three contenders to the run's emulator and picks a user to fetch. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    emulator = EmulatorProcess.sharedOrStart(100);
    String base = emulator.baseUri().toString();
    client = Clients.unlimited(emulator.baseUri());
    rawJdk = new RawJdkClient(base);
    rawOkHttp = new RawOkHttpClient(base);
    if (Peers.available()) {
      okhttpGson = Peers.open("okhttp-gson", emulator.baseUri());
      nativeJdk = Peers.open("native", emulator.baseUri());
    }
    id = rawOkHttp.listPage(1, null).getData().get(0).getId();
  }

  /** Releases everything {@link #start()} took. */
  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    rawJdk.close();
    rawOkHttp.close();
    if (okhttpGson != null) {
      okhttpGson.close();
    }
    if (nativeJdk != null) {
      nativeJdk.close();
    }
    emulator.close();
  }

  /**
   * The client's {@code getUser}.
   *
   * @return the user, consumed by JMH
   */
  @Benchmark
  public UserModel client() {
    return client.getUser(id);
  }

  /**
   * The same call on {@code java.net.http} + Jackson.
   *
   * @return the user, consumed by JMH
   */
  @Benchmark
  public UserModel rawJdk() throws Exception {
    return rawJdk.getUser(id);
  }

  /**
   * The same call on OkHttp + Jackson.
   *
   * @return the user, consumed by JMH
   */
  @Benchmark
  public UserModel rawOkHttp() throws Exception {
    return rawOkHttp.getUser(id);
  }

  /**
   * The same call on the okhttp-gson client OpenAPI Generator makes from Sumo's description (run
   * only when this build generated it).
   *
   * @return the peer's answer, consumed by JMH
   */
  @Benchmark
  public Object okhttpGson() throws Exception {
    return java.util.Objects.requireNonNull(okhttpGson, "no generated peers").getUser(id);
  }

  /**
   * The same call on the native (java.net.http + Jackson) client OpenAPI Generator makes from
   * Sumo's description (run only when this build generated it).
   *
   * @return the peer's answer, consumed by JMH
   */
  @Benchmark
  public Object nativeJdk() throws Exception {
    return java.util.Objects.requireNonNull(nativeJdk, "no generated peers").getUser(id);
  }
}
