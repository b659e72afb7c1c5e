package dev.sumoclient.users.spring.boot.test;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Adds the emulator to the contexts of tests annotated with {@link AutoConfigureSumoEmulator}. */
public final class SumoEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

  /** Created by Spring's test framework. */
  public SumoEmulatorContextCustomizerFactory() {}

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
        .get(AutoConfigureSumoEmulator.class)
        .synthesize(a -> a.isPresent())
        .map(a -> new SumoEmulatorContextCustomizer(a.seedUsers()))
        .orElse(null);
  }
}
