package dev.sumoclient.users.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java example in the README is a copy of compiled code: each {@code ```java} block follows a
 * {@code <!-- compiled: path -->} marker and equals that file's {@code readme:begin}/{@code
 * readme:end} region, preceded by the file's imports that the region uses (so a reader knows where
 * {@code UserModel} and every other type lives), then a blank line.
 */
class ReadmeSnippetsTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern JAVA_BLOCK =
      Pattern.compile("(?:<!-- compiled: (\\S+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);

  record Snippet(String source, String shown) {
    @Override
    public String toString() {
      return source;
    }
  }

  static List<Snippet> snippets() throws IOException {
    Matcher block = JAVA_BLOCK.matcher(Files.readString(ROOT.resolve("README.md")));
    List<Snippet> snippets = new ArrayList<>();
    while (block.find()) {
      snippets.add(
          new Snippet(block.group(1) == null ? "(no marker)" : block.group(1), block.group(2)));
    }
    return snippets;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snippets")
  void readmeShowsTheCompiledCode(Snippet snippet) throws IOException {
    assertThat(snippet.source())
        .as("a Java block in the README without a <!-- compiled: path --> marker")
        .isNotEqualTo("(no marker)");

    String source = Files.readString(ROOT.resolve(snippet.source()));
    String region = region(source);
    String imports = importsUsedBy(source, region);
    assertThat(snippet.shown()).isEqualTo(imports.isEmpty() ? region : imports + "\n" + region);
  }

  /** The source's import lines whose simple name the region uses, in the source's order. */
  private static String importsUsedBy(String source, String region) {
    Matcher imports =
        Pattern.compile("(?m)^import (?:static )?[\\w.]+\\.(\\w+|\\*);$").matcher(source);
    StringBuilder used = new StringBuilder();
    while (imports.find()) {
      String name = imports.group(1);
      if (name.equals("*") || Pattern.compile("\\b" + name + "\\b").matcher(region).find()) {
        used.append(imports.group()).append('\n');
      }
    }
    return used.toString();
  }

  private static String region(String source) {
    Matcher begin = Pattern.compile("(?m)^( *)// readme:begin\\n").matcher(source);
    assertThat(begin.find()).as("a // readme:begin marker").isTrue();
    int end = source.indexOf("// readme:end", begin.end());
    String indent = begin.group(1);
    return source
        .substring(begin.end(), source.lastIndexOf('\n', end) + 1)
        .replaceAll("(?m)^" + indent, "");
  }
}
