package dev.sumoclient.users.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The consumer test the README shows is the one this module compiles and runs. */
class ReadmeShowsTheCompiledExampleTest {

  @ParameterizedTest
  @ValueSource(strings = {"BillingServiceContractTest.java", "BillingServiceVerificationIT.java"})
  void theReadmeSnippetIsTheCompiledExample(String file) throws IOException {
    Path example = Path.of("src/test/java/dev/sumoclient/users/contract/example", file);
    String source = Files.readString(example);
    String compiled =
        between(source, "// README-SNIPPET-START\n", "// README-SNIPPET-END", example.toString());
    String readme = Files.readString(Path.of("README.md"));
    String shown =
        between(readme, "<!-- snippet: example/" + file + " -->\n```java\n", "```", "README.md");

    assertThat(shown).isEqualTo(compiled);
  }

  private static String between(String text, String start, String end, String where) {
    int from = text.indexOf(start);
    assertThat(from).as("%s has the marker %s", where, start.strip()).isNotNegative();
    int to = text.indexOf(end, from + start.length());
    assertThat(to).as("%s has the marker %s after the start", where, end).isNotNegative();
    return text.substring(from + start.length(), to);
  }
}
