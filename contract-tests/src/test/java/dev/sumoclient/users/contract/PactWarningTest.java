package dev.sumoclient.users.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A Pact consumer test on our JUnit (5.13+) prints no "CloseableResource but not AutoCloseable"
 * warning: junit-platform.properties in src/test/resources keeps Pact JVM 4.6's mock server quiet.
 */
class PactWarningTest {
  // The README's service contract test: a plain Pact consumer test on PactConsumerTestExt.
  private static final String SERVICE_CONTRACT_TEST =
      "dev.sumoclient.users.contract.example.BillingServiceContractTest";

  @Test
  void aPactConsumerTestRunsWithoutJUnitsCloseableResourceWarning() {
    Logger junit = Logger.getLogger("org.junit");
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(String.valueOf(record.getMessage()));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    junit.addHandler(capture);
    try {
      EngineTestKit.engine("junit-jupiter")
          // Reads src/test/resources/junit-platform.properties, as the build's own test run does.
          .enableImplicitConfigurationParameters(true)
          .selectors(selectClass(SERVICE_CONTRACT_TEST))
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.succeeded(1).failed(0));
    } finally {
      junit.removeHandler(capture);
    }

    assertThat(warnings).noneMatch(w -> w.contains("CloseableResource"));
  }
}
