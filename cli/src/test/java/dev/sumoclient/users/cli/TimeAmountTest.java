package dev.sumoclient.users.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lengths of time --timeout and --no-login-since accept, and the ones they refuse. */
class TimeAmountTest {
  @Test
  void timeoutsAreMillisecondsSecondsOrMinutesAndNeverZero() {
    assertThat(Session.duration("--timeout", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Session.duration("--timeout", " 30S ")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Session.duration("--timeout", "2m")).isEqualTo(Duration.ofMinutes(2));
    for (String bad : new String[] {"0s", "2h", "soon", "1.5s", "99999999999m"}) {
      assertThatThrownBy(() -> Session.duration("--timeout", bad))
          .isInstanceOf(CliException.class)
          .hasMessage("--timeout: '" + bad + "' is not a time such as 500ms, 30s or 2m");
    }
  }

  @Test
  void agesAreWeeksDaysHoursOrMinutes() {
    assertThat(UsersCommand.age("2w")).isEqualTo(Duration.ofDays(14));
    assertThat(UsersCommand.age("90d")).isEqualTo(Duration.ofDays(90));
    assertThat(UsersCommand.age("12 h")).isEqualTo(Duration.ofHours(12));
    assertThat(UsersCommand.age("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> UsersCommand.age("500ms"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("is not an age such as 90d, 2w, 12h or 30m");
  }
}
