package dev.sumoclient.users.benchmarks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.UserPage;
import dev.sumoclient.users.generated.model.ListUserModelsResponse;
import dev.sumoclient.users.internal.Json;
import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
  private ListUsersRequest request;
  private byte[] pageBytes;
  private Decoder clientDecoder;
  private ObjectMapper clientMapper;
  private ObjectMapper fastDatesMapper;
  private Request feignRequest;

  /** Connects the contenders to the run's emulator (2,000 users) and keeps one page's bytes. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    emulator = EmulatorProcess.sharedOrStart(2 * PAGE);
    String base = emulator.baseUri().toString();
    client = Clients.unlimited(emulator.baseUri());
    rawJdk = new RawJdkClient(base);
    rawOkHttp = new RawOkHttpClient(base);
    request = ListUsersRequest.builder().limit(PAGE).build();
    prepareDecoding(rawOkHttp);
  }

  /** Keeps one page's bytes and builds the client's decoder, for the decode-only benchmarks. */
  void prepareDecoding(RawOkHttpClient raw) throws Exception {
    pageBytes = raw.get(raw.usersUrl + "?limit=" + PAGE);
    // The client's decoding path as its engine wires it: Feign's JacksonDecoder on its mapper.
    clientMapper = Json.newMapper();
    fastDatesMapper = FastDatesMapper.create();
    clientDecoder = new JacksonDecoder(clientMapper);
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
   * Decoding alone, the client's way: Feign's decoder on the client's mapper.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public Object decodeClient() throws Exception {
    Response response =
        Response.builder()
            .status(200)
            .reason("OK")
            .headers(Map.of())
            .body(pageBytes)
            .request(feignRequest)
            .build();
    return clientDecoder.decode(response, ListUserModelsResponse.class);
  }

  /**
   * Decoding alone with the client's mapper but from bytes, as a byte-based Feign decoder would:
   * the difference to {@link #decodeClient()} is the cost of Feign's Reader-based decoder, the
   * difference to {@link #decodeRaw()} the cost of the client's mapper configuration.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public ListUserModelsResponse decodeClientMapperBytes() throws Exception {
    return clientMapper.readValue(pageBytes, ListUserModelsResponse.class);
  }

  /**
   * Decoding alone from bytes with the client's mapper whose date deserializer tries the JDK's ISO
   * parser first: the price of the change proposed for the client.
   *
   * @return the page, consumed by JMH
   */
  @Benchmark
  public ListUserModelsResponse decodeFastDatesBytes() throws Exception {
    return fastDatesMapper.readValue(pageBytes, ListUserModelsResponse.class);
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
}
