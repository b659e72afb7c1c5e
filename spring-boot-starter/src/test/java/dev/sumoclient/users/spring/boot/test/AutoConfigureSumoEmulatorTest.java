package dev.sumoclient.users.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.spring.boot.SumoUsersAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

@SpringBootTest(classes = AutoConfigureSumoEmulatorTest.App.class)
@AutoConfigureSumoEmulator(seedUsers = 3)
class AutoConfigureSumoEmulatorTest {

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(SumoUsersAutoConfiguration.class)
  static class App {}

  @Autowired SumoUsersClient client;
  @Autowired SumoEmulator emulator;

  @Test
  void theAutoConfiguredClientTalksToTheInjectedSeededEmulator() {
    assertThat(client.endpoint().toString()).startsWith(emulator.baseUri().toString());
    assertThat(client.listUsers().stream()).hasSize(3);
    String id = emulator.users().get(0).id();
    assertThat(client.getUser(id).getId()).isEqualTo(id);
    assertThat(emulator.journal().requests()).isNotEmpty();
  }
}
