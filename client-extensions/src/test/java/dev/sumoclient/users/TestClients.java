package dev.sumoclient.users;

import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Builders for clients that talk to a local MockWebServer. */
final class TestClients {
  static final String ACCESS_KEY = "TOPSECRETaccessKEY0123456789";
  private static final AtomicInteger IDS = new AtomicInteger();

  private TestClients() {}

  /** A unique access id, so tests never share a quota limiter by accident. */
  static String uniqueAccessId() {
    return "suTestId" + IDS.incrementAndGet();
  }

  /** A builder pointed at the server, with no quota limiter and instant retries. */
  static SumoUsersClient.Builder against(MockWebServer server, FakeTime time) {
    return SumoUsersClient.builder()
        .endpoint(server.url("/api").uri())
        .credentials(uniqueAccessId(), ACCESS_KEY)
        .rateLimiting(false)
        .timeSource(time);
  }

  static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  static String user(String id) {
    return user(id, "user" + id + "@example.com");
  }

  static String user(String id, String email) {
    return """
        {"id":"%s","firstName":"Ada","lastName":"Lovelace","email":"%s",
         "roleIds":["r1","r2"],"createdAt":"2024-01-02T03:04:05Z","createdBy":"0001",
         "modifiedAt":"2024-01-02T03:04:05.123+02:00","modifiedBy":"0001",
         "isActive":true,"isLocked":false,"isMfaEnabled":false,"lastLoginTimestamp":null}
        """
        .formatted(id, email);
  }

  static String error(int status, String code) {
    return """
        {"id":"ERR-%d","errors":[{"code":"%s","message":"it went wrong","detail":"more"}]}
        """
        .formatted(status, code);
  }
}
