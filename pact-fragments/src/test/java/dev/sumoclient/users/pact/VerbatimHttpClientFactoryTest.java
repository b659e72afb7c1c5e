package dev.sumoclient.users.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.ProviderInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

/** The verification's HTTP client replays once, and keeps the JVM's proxy settings. */
class VerbatimHttpClientFactoryTest {

  @Test
  void theClientGoesThroughTheProxyTheSystemPropertiesName() throws Exception {
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> requestLine =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket socket = proxy.accept()) {
                  String line =
                      new BufferedReader(
                              new InputStreamReader(
                                  socket.getInputStream(), StandardCharsets.US_ASCII))
                          .readLine();
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      "HTTP/1.1 429 \r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  return line;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      String host = System.getProperty("http.proxyHost");
      String port = System.getProperty("http.proxyPort");
      System.setProperty("http.proxyHost", "127.0.0.1");
      System.setProperty("http.proxyPort", Integer.toString(proxy.getLocalPort()));
      try (CloseableHttpClient client =
          new VerbatimHttpClientFactory().newClient(new ProviderInfo("sumo"))) {
        // Never leaves the machine: the proxy on loopback answers for the unresolvable host.
        int status =
            client.execute(
                new HttpGet("http://sumo.invalid/api/v1/users"), response -> response.getCode());
        assertThat(status).as("the 429 as it came, not retried").isEqualTo(429);
      } finally {
        restore("http.proxyHost", host);
        restore("http.proxyPort", port);
      }
      assertThat(requestLine.get(5, TimeUnit.SECONDS))
          .isEqualTo("GET http://sumo.invalid/api/v1/users HTTP/1.1");
    }
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }
}
