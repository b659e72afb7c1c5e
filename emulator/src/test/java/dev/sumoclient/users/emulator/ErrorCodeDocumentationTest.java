package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.emulator.internal.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's table of error codes in step with the codes the emulator answers. */
class ErrorCodeDocumentationTest {
  @Test
  void theReadmeTableListsEveryErrorCodeWithItsStatus() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (ErrorCode code : ErrorCode.values()) {
      String status = code.status() == 0 ? "chosen" : Integer.toString(code.status());
      assertThat(readme).as(code.name()).contains("| " + status + " | `" + code.code() + "` |");
    }
  }
}
