package dev.sumoclient.users.benchmarks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.UserPage;
import dev.sumoclient.users.generated.model.ListUserModelsResponse;
import dev.sumoclient.users.internal.BytesDecoder;
import dev.sumoclient.users.internal.Json;
import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * Benchmark 2: one {@code listUsers} page of 1,000 users, fetched and decoded, client against both
 * raw baselines; plus the decoding alone, from the same bytes, to show where any gap comes from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ListPageBenchmark {
  static final int PAGE = 1000;

  private EmulatorProcess emulator;
  private SumoUsersClient client;
  private RawJdkClient rawJdk;
  private RawOkHttpClient rawOkHttp;
  private @Nullable Peer okhttpGson;
  private @Nullable Peer nativeJdk;
  private ListUsersRequest request;
  private byte[] pageBytes;
  private Decoder clientDecoder;
  private Decoder feignDecoder;
  private ObjectMapper clientMapper;
  private Request feignRequest;

  /** Connects the contenders to the run's emulator (2,000 users) and keeps one page's bytes. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    emulator = EmulatorProcess.sharedOrStart(2 * PAGE);
    String base = emulator.baseUri().toString();
    client = Clients.unlimited(emulator.baseUri());
    rawJdk = new RawJdkClient(base);
    rawOkHttp = new RawOkHttpClient(base);
    if (Peers.available()) {
      okhttpGson = Peers.open("okhttp-gson", emulator.baseUri());
      nativeJdk = Peers.open("native", emulator.baseUri());
    }
    request = ListUsersRequest.builder().limit(PAGE).build();
    prepareDecoding(rawOkHttp);
  }

  /** Keeps one page's bytes and builds the client's decoder, for the decode-only benchmarks. */
  void prepareDecoding(RawOkHttpClient raw) throws Exception {
    pageBytes = raw.get(raw.usersUrl + "?limit=" + PAGE);
    // The client's decoding path as its engine wires it: its byte decoder on its mapper.
    clientMapper = Json.newMapper();
    clientDecoder = new BytesDecoder(clientMapper);
    feignDecoder = new JacksonDecoder(clientMapper);
    feignRequest =
        Request.create(
            Request.HttpMethod.GET, raw.usersUrl, Map.of(), null, StandardCharsets.UTF_8, null);
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
   * The client's first page of {@code listUsers(limit=1000)}.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public UserPage client() {
    return client.listUsers(request).pages().iterator().next();
  }

  /**
   * The same page on {@code java.net.http} + Jackson.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public ListUserModelsResponse rawJdk() throws Exception {
    return rawJdk.listPage(PAGE, null);
  }

  /**
   * The same page on OkHttp + Jackson.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public ListUserModelsResponse rawOkHttp() throws Exception {
    return rawOkHttp.listPage(PAGE, null);
  }

  /**
   * Decoding alone, the client's way: its Feign decoder (from the body's bytes) on its mapper.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public Object decodeClient() throws Exception {
    return clientDecoder.decode(pageResponse(), ListUserModelsResponse.class);
  }

  /**
   * Decoding alone as the client did before it had its own decoder: Feign's Reader-based {@code
   * JacksonDecoder} on the client's mapper.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public Object decodeFeignReader() throws Exception {
    return feignDecoder.decode(pageResponse(), ListUserModelsResponse.class);
  }

  private Response pageResponse() {
    return Response.builder()
        .status(200)
        .reason("OK")
        .headers(Map.of())
        .body(pageBytes)
        .request(feignRequest)
        .build();
  }

  /**
   * Decoding alone with the client's mapper from bytes, without Feign's response around it: the
   * difference to {@link #decodeRaw()} is the cost of the client's mapper configuration.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public ListUserModelsResponse decodeClientMapperBytes() throws Exception {
    return clientMapper.readValue(pageBytes, ListUserModelsResponse.class);
  }

  /**
   * Decoding alone, the raw way: a reused plain mapper on the bytes.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public ListUserModelsResponse decodeRaw() throws Exception {
    return RawClient.MAPPER.readValue(pageBytes, ListUserModelsResponse.class);
  }

  /**
   * The same call on the okhttp-gson client OpenAPI Generator makes from Sumo's description (run
   * only when this build generated it).
   *
   * @return the peer's answer, consumed by JMH
   */
  @Benchmark
  public Object okhttpGson() throws Exception {
    return java.util.Objects.requireNonNull(okhttpGson, "no generated peers").firstPage(PAGE);
  }

  /**
   * The same call on the native (java.net.http + Jackson) client OpenAPI Generator makes from
   * Sumo's description (run only when this build generated it).
   *
   * @return the peer's answer, consumed by JMH
   */
  @Benchmark
  public Object nativeJdk() throws Exception {
    return java.util.Objects.requireNonNull(nativeJdk, "no generated peers").firstPage(PAGE);
  }
}
