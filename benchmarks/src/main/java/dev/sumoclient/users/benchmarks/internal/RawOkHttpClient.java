package dev.sumoclient.users.benchmarks.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** The baseline on OkHttp, the transport the client itself uses. */
final class RawOkHttpClient extends RawClient {
  private final OkHttpClient http;

  RawOkHttpClient(String baseUri) {
    super(baseUri);
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .build();
  }

  @Override
  String name() {
    return "raw OkHttp + Jackson";
  }

  @Override
  byte[] get(String url) throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : body.bytes();
      if (response.code() != 200) {
        throw unexpected(response.code(), bytes);
      }
      return bytes;
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
