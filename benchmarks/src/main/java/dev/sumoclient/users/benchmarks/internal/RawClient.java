package dev.sumoclient.users.benchmarks.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sumoclient.users.generated.model.ListUserModelsResponse;
import dev.sumoclient.users.generated.model.UserModel;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The baseline a user could write by hand: one HTTP library, one reused {@link ObjectMapper}, the
 * same model classes, no retries, no limiter, no validation.
 *
 * <p>It does the work any caller must do per call: build the URL for the id, send, check the
 * status, decode. Anything beyond that is what the client costs.
 */
abstract class RawClient implements AutoCloseable {
  /** Shared by every call: building a mapper per call is the classic mistake we do not measure. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  final String usersUrl;
  final String authorization;

  RawClient(String baseUri) {
    this.usersUrl = baseUri + "/v1/users";
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (EmulatorProcess.ACCESS_ID + ":" + EmulatorProcess.ACCESS_KEY)
                        .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the name shown in reports.
   *
   * @return the name
   */
  abstract String name();

  /** Sends a GET and returns the body of a 200 answer. */
  abstract byte[] get(String url) throws IOException, InterruptedException;

  /**
   * Fetches one user.
   *
   * @param id the user id (path-safe: the emulator's ids are hex)
   * @return the user
   */
  final UserModel getUser(String id) throws IOException, InterruptedException {
    return MAPPER.readValue(get(usersUrl + "/" + id), UserModel.class);
  }

  /**
   * Fetches one page of users.
   *
   * @param limit the page size
   * @param token the continuation token, or null for the first page
   * @return the page
   */
  final ListUserModelsResponse listPage(int limit, @Nullable String token)
      throws IOException, InterruptedException {
    String url = usersUrl + "?limit=" + limit;
    if (token != null) {
      url += "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
    return MAPPER.readValue(get(url), ListUserModelsResponse.class);
  }

  /**
   * Iterates every user page by page, as a hand-written loop would.
   *
   * @param limit the page size
   * @param consumer receives each user
   * @return how many users were seen
   */
  final long forEachUser(int limit, java.util.function.Consumer<UserModel> consumer)
      throws IOException, InterruptedException {
    long count = 0;
    String token = null;
    do {
      ListUserModelsResponse page = listPage(limit, token);
      for (UserModel user : page.getData()) {
        consumer.accept(user);
        count++;
      }
      token = page.getNext();
    } while (token != null && !token.isEmpty());
    return count;
  }

  static IOException unexpected(int status, byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    return new IOException("HTTP " + status + ": " + text);
  }

  @Override
  public abstract void close();
}
