package dev.sumoclient.users.spring.boot.test;

import dev.sumoclient.users.emulator.SumoEmulator;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts one emulator per context, exposes it as a bean and points the client's properties at it.
 */
final class SumoEmulatorContextCustomizer implements ContextCustomizer {
  private final int seedUsers;

  SumoEmulatorContextCustomizer(int seedUsers) {
    this.seedUsers = seedUsers;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    SumoEmulator emulator = SumoEmulator.builder().seedUsers(seedUsers).start();
    context.addApplicationListener(
        (ContextClosedEvent event) -> {
          if (event.getApplicationContext() == context) {
            emulator.close();
          }
        });
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "sumoEmulator",
                Map.of(
                    "sumologic.users.endpoint", emulator.baseUri().toString(),
                    "sumologic.users.access-id", emulator.accessKey().id(),
                    "sumologic.users.access-key", emulator.accessKey().key())));
    context.getBeanFactory().registerSingleton("sumoEmulator", emulator);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SumoEmulatorContextCustomizer other && other.seedUsers == seedUsers;
  }

  @Override
  public int hashCode() {
    return Objects.hash(SumoEmulatorContextCustomizer.class, seedUsers);
  }
}
