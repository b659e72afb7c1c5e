package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void defaultsAreThreeRetriesHonouringRetryAfter() {
    RetryPolicy policy = RetryPolicy.defaults();
    assertThat(policy.maxRetries()).isEqualTo(3);
    assertThat(policy.honorRetryAfter()).isTrue();
  }

  @Test
  void backoffDoublesPerRetryUpToTheCapAndScalesWithTheRandomNumber() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(100))
            .maxDelay(Duration.ofSeconds(1))
            .build();
    assertThat(policy.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff(2, 1.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff(3, 1.0)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoff(5, 1.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(60, 1.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ZERO);
    assertThat(policy.backoff(3, 0.25)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void negativeRetriesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
        .isInstanceOf(SumoValidationException.class)
        .hasMessageContaining("maxRetries");
  }

  @Test
  void backoffDelaysBeyondWhatNanosecondsHoldAreCappedNotAnOverflow() {
    RetryPolicy centuries =
        RetryPolicy.builder()
            .baseDelay(Duration.ofDays(1_000_000))
            .maxDelay(Duration.ofSeconds(Long.MAX_VALUE))
            .build();
    assertThat(centuries.backoff(3, 0.5)).isGreaterThan(Duration.ofDays(100 * 365));
  }
}
