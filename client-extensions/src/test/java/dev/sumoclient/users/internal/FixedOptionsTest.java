package dev.sumoclient.users.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FixedOptionsTest {
  @Test
  void everyMethodOnEveryThreadGetsTheClientsTimeoutsWithoutAPerThreadLookup() throws Exception {
    FixedOptions options = new FixedOptions(1234, 5678);
    Request.Options here = options.getMethodOptions("getUser");
    Request.Options elsewhere =
        CompletableFuture.supplyAsync(() -> options.getMethodOptions("updateUser")).get();
    assertThat(here).isSameAs(options).isSameAs(elsewhere);
    assertThat(here.connectTimeoutMillis()).isEqualTo(1234);
    assertThat(here.readTimeoutMillis()).isEqualTo(5678);
    assertThat(here.isFollowRedirects()).isFalse();
  }

  @Test
  void perMethodOptionsAreRefusedRatherThanSilentlyIgnored() {
    FixedOptions options = new FixedOptions(1, 2);
    assertThatThrownBy(() -> options.setMethodOptions("getUser", new Request.Options()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
