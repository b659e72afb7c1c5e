package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimeoutSettingsTest {
  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of(
            "connectTimeout",
            (BiConsumer<SumoUsersClient.Builder, Duration>)
                SumoUsersClient.Builder::connectTimeout),
        Arguments.of(
            "readTimeout",
            (BiConsumer<SumoUsersClient.Builder, Duration>) SumoUsersClient.Builder::readTimeout),
        Arguments.of(
            "callTimeout",
            (BiConsumer<SumoUsersClient.Builder, Duration>) SumoUsersClient.Builder::callTimeout));
  }

  private static SumoUsersClient.Builder builder() {
    return SumoUsersClient.builder()
        .endpoint(java.net.URI.create("http://127.0.0.1:1/api"))
        .credentials(TestClients.uniqueAccessId(), TestClients.ACCESS_KEY);
  }

  @ParameterizedTest
  @MethodSource("settings")
  void aDurationOkHttpCannotTakeIsRefusedNamingTheSetting(
      String name, BiConsumer<SumoUsersClient.Builder, Duration> setting) {
    for (Duration wrong :
        new Duration[] {
          Duration.ofDays(30),
          Duration.ofSeconds(Long.MAX_VALUE),
          Duration.ofNanos(1),
          Duration.ofNanos(999_999),
          Duration.ZERO,
          Duration.ofMillis(-1)
        }) {
      assertThatThrownBy(
              () -> {
                SumoUsersClient.Builder b = builder();
                setting.accept(b, wrong);
                b.build().close();
              })
          .as("%s(%s)", name, wrong)
          .isInstanceOfSatisfying(
              SumoValidationException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(v -> assertThat(v.field()).isEqualTo(name)));
    }
  }

  @ParameterizedTest
  @MethodSource("settings")
  void theWholeRangeOkHttpAcceptsIsAllowed(
      String name, BiConsumer<SumoUsersClient.Builder, Duration> setting) {
    for (Duration right :
        new Duration[] {
          Duration.ofMillis(1), Duration.ofDays(24), Duration.ofMillis(Integer.MAX_VALUE)
        }) {
      SumoUsersClient.Builder b = builder();
      setting.accept(b, right);
      b.build().close();
    }
  }
}
