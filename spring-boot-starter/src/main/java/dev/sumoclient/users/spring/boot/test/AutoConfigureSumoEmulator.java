package dev.sumoclient.users.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Starts an embedded Sumo Logic emulator for a Spring test and points the auto-configured client at
 * it, as {@code @AutoConfigureWireMock} does for WireMock.
 *
 * <p>The emulator is a bean ({@code SumoEmulator}) the test can inject to seed users or inject
 * faults; it sets {@code sumologic.users.endpoint}, {@code access-id} and {@code access-key}, and
 * stops when the context closes. Contexts with the same settings share one emulator through
 * Spring's context cache. Needs {@code sumo-users-emulator} in test scope.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(SumoEmulatorContextCustomizerFactory.class)
public @interface AutoConfigureSumoEmulator {
  /**
   * How many generated users the emulator starts with.
   *
   * @return the count, 0 by default
   */
  int seedUsers() default 0;
}
