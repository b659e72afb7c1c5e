package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.internal.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesAndCompatibilityTest {
  private final ObjectMapper mapper = Json.newMapper();

  @ParameterizedTest
  @CsvSource({
    "2024-05-06T07:08:09Z, 2024-05-06T07:08:09Z, 0",
    "2024-05-06t07:08:09z, 2024-05-06T07:08:09Z, 0",
    "2024-05-06 07:08:09Z, 2024-05-06T07:08:09Z, 0",
    "2024-05-06T07:08:09.5Z, 2024-05-06T07:08:09.500Z, 0",
    "2024-05-06T07:08:09.123456789Z, 2024-05-06T07:08:09.123456789Z, 0",
    "2024-05-06T09:08:09+02:00, 2024-05-06T07:08:09Z, 7200",
    "2024-05-06T02:38:09.25-04:30, 2024-05-06T07:08:09.250Z, -16200",
    "2024-05-06T09:08:09+0200, 2024-05-06T07:08:09Z, 7200",
    "2024-05-06T07:08:09-00:00, 2024-05-06T07:08:09Z, 0"
  })
  void everyRfc3339FormParses(String text, String instant, int offsetSeconds) throws IOException {
    UserModel user =
        mapper.readValue("{\"id\":\"1\",\"createdAt\":\"" + text + "\"}", UserModel.class);
    OffsetDateTime createdAt = user.getCreatedAt();
    assertThat(createdAt.toInstant()).isEqualTo(Instant.parse(instant));
    assertThat(createdAt.getOffset()).isEqualTo(ZoneOffset.ofTotalSeconds(offsetSeconds));
  }

  @Test
  void garbageDatesAreRefused() {
    assertThatThrownBy(() -> Json.parseRfc3339("2024-05-06"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"createdAt\":\"yesterday\"}", UserModel.class))
        .isInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-06T07:08Z",
        "2024-05-06T07:08:09.Z",
        "2024-05-06T07:08:09.1234567890Z",
        "2024-05-06T07:08:09",
        "2024-05-06T07:08:09+02:00:30",
        "2024-05-06T25:08:09Z"
      })
  void isoFormsThatAreNotRfc3339AreRefusedLikeAnyOtherGarbage(String text) {
    assertThatThrownBy(() -> Json.parseRfc3339(text)).isInstanceOf(DateTimeParseException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-06T07:08:09Z",
        "2024-05-06T07:08:09.1Z",
        "2024-05-06T07:08:09.120Z",
        "2024-05-06T07:08:09.000000001Z",
        "2024-05-06T07:08:09.999999999+14:00",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.5-18:00",
        "2024-02-29T12:00:00+18:00",
        "2024-05-06T07:08:09.25-04:30",
        "2024-05-06T07:08:09+05:45",
        "2024-05-06T07:08:09-00:00"
      })
  void theCommonIsoFormGivesExactlyWhatTheJdkParserGives(String text) {
    OffsetDateTime jdk = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    OffsetDateTime ours = Json.parseRfc3339(text);
    assertThat(ours).isEqualTo(jdk);
    assertThat(ours.getOffset()).isEqualTo(jdk.getOffset());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-29T07:08:09Z",
        "2024-13-06T07:08:09Z",
        "2024-05-06T07:60:09Z",
        "2024-05-06T07:08:60Z",
        "2024-05-06T24:00:00Z",
        "2024-05-06T07:08:09+18:01",
        "2024-05-06T07:08:09+02:60",
        "2024-05-06T07:08:09.12a4Z",
        "2024-0a-06T07:08:09Z",
        "2024-05-06T07:08:09.1234567891+01:00",
        "+024-05-06T07:08:09Z"
      })
  void outOfRangeOrMalformedFieldsOfTheCommonShapeAreStillRefused(String text) {
    assertThatThrownBy(() -> Json.parseRfc3339(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void nullLastLoginAndUnknownFieldsAreFineOverTheWire() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(
          TestClients.json(
              200,
              """
              {"id":"1","firstName":"A","lastName":"B","email":"a@example.com","roleIds":[],
               "createdAt":"2024-01-02T03:04:05.678+01:00","modifiedAt":"2024-01-02T03:04:05Z",
               "lastLoginTimestamp":null,"brandNewField":{"nested":[1,2,3]},"anotherOne":true}
              """));
      server.enqueue(
          TestClients.json(
              200, "{\"data\":[],\"next\":null,\"totalCount\":0,\"somethingNew\":\"x\"}"));
      try (SumoUsersClient client = TestClients.against(server, new FakeTime()).build()) {
        UserModel user = client.getUser("1");
        assertThat(user.getLastLoginTimestamp()).isNull();
        assertThat(user.getCreatedAt().toInstant())
            .isEqualTo(Instant.parse("2024-01-02T02:04:05.678Z"));
        assertThat(client.listUsers().stream()).isEmpty();
      }
    }
  }

  @Test
  void datesAreWrittenAsRfc3339Text() throws IOException {
    String json =
        mapper.writeValueAsString(
            new UserModel().createdAt(OffsetDateTime.parse("2024-01-02T03:04:05+01:00")));
    assertThat(json).contains("\"createdAt\":\"2024-01-02T03:04:05+01:00\"");
  }
}
