package dev.sumoclient.users.benchmarks.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.generated.api.UserManagementApi;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.internal.Json;
import feign.Feign;
import feign.Retryer;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.io.InputStream;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A diagnostic contender between raw OkHttp and the client: the generated Feign interface on a bare
 * OkHttp transport, nothing else of the client. It splits the client's extra cost into what Feign
 * costs and what the client's own layer (retries, deadline, limiter, listener, logging) adds.
 *
 * <p>With {@code bytes} it decodes from the body's bytes instead of Feign's Reader-based {@link
 * JacksonDecoder}, to show what a byte-based decoder in the client would save.
 */
final class FeignBaseline implements AutoCloseable {
  private final OkHttpClient http = new OkHttpClient();
  private final UserManagementApi api;

  FeignBaseline(String baseUri, String authorization, boolean bytes) {
    ObjectMapper mapper = Json.newMapper();
    Decoder decoder = bytes ? bytesDecoder(mapper) : new JacksonDecoder(mapper);
    feign.Client transport =
        (request, options) -> {
          Request okRequest =
              new Request.Builder()
                  .url(request.url())
                  .header("Authorization", authorization)
                  .header("Accept", "application/json")
                  .build();
          try (Response response = http.newCall(okRequest).execute()) {
            ResponseBody body = response.body();
            return feign.Response.builder()
                .status(response.code())
                .reason(response.message())
                .headers(Map.copyOf(response.headers().toMultimap()))
                .body(body == null ? new byte[0] : body.bytes())
                .request(request)
                .build();
          }
        };
    this.api =
        Feign.builder()
            .client(transport)
            .encoder(new JacksonEncoder(mapper))
            .decoder(decoder)
            .retryer(Retryer.NEVER_RETRY)
            .target(UserManagementApi.class, baseUri);
  }

  private static Decoder bytesDecoder(ObjectMapper mapper) {
    return (response, type) -> {
      if (response.body() == null) {
        return null;
      }
      try (InputStream in = response.body().asInputStream()) {
        return mapper.readValue(in.readAllBytes(), mapper.constructType(type));
      }
    };
  }

  UserModel getUser(String id) {
    return api.getUser(id);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
