package dev.sumoclient.users.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void nanosBeyondALongSaturateInsteadOfThrowing() {
    assertThat(Durations.saturatedNanos(Duration.ofMillis(1500))).isEqualTo(1_500_000_000L);
    assertThat(Durations.saturatedNanos(Duration.ofSeconds(Long.MAX_VALUE)))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(Durations.saturatedNanos(Duration.ofSeconds(Long.MIN_VALUE)))
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aDeadlineCountsANegativeWaitAsNoneAndAnEndlessOneAsFarButNeverOverflows() {
    long now = Long.MAX_VALUE / 2;
    assertThat(Durations.deadline(now, Duration.ofMillis(20))).isEqualTo(now + 20_000_000L);
    assertThat(Durations.deadline(now, Duration.ofMillis(-5))).isEqualTo(now);
    assertThat(Durations.deadline(now, Duration.ofSeconds(Long.MAX_VALUE)))
        .isEqualTo(now + Durations.FOREVER_NANOS)
        .isPositive();
  }
}
