package dev.sumoclient.users.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The emulator's README sends readers who want a client to this module, not to subclassing. */
class EmulatorReadmeTest {

  @Test
  void theEmulatorReadmePointsToTheClientExtensionInsteadOfSubclassing() throws IOException {
    String readme = Files.readString(Path.of("../emulator/README.md"));

    assertThat(readme)
        .contains("SumoEmulatorClientExtension")
        .contains("sumo-users-emulator-junit")
        .doesNotContainIgnoringCase("subclass the extension");
    assertThat(Modifier.isFinal(SumoEmulatorClientExtension.class.getModifiers()))
        .as("the client extension is final, so it is used, not subclassed")
        .isTrue();
  }
}
