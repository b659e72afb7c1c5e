package dev.sumoclient.users.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LifecycleDemoTest {

  @Test
  void drivesTheWholeLifecycleAndLeavesTheSeededUsersAsTheyWere() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    LifecycleDemo.Summary summary =
        LifecycleDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(summary.usersListed()).isEqualTo(250);
    assertThat(summary.pages()).isEqualTo(3);
    assertThat(summary.steps()).isEqualTo(11);
    assertThat(summary.usersLeft()).as("created then deleted").isEqualTo(250);
    assertThat(summary.throttled())
        .as("the client's limiter keeps inside the emulator's enforced quotas")
        .isZero();
    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("Paged through every user")
        .contains("Deleted the user, content transferred explicitly")
        .contains("TRANSFERRED_TO_USER")
        .contains("getUser answers 404: true")
        .contains("Summary: 11 steps")
        .doesNotContain("demo-password")
        .doesNotContain("emulator-access-key-not-a-secret");
  }
}
