package dev.sumoclient.users.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sumoclient.users.SumoValidationException;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.internal.RequestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The desired state read from a CSV or JSON file: every row parsed and validated, with its line
 * number, before anything is sent.
 */
final class SyncFile {
  static final List<String> COLUMNS =
      List.of("email", "firstName", "lastName", "roleIds", "active");

  /** One wanted user. */
  record Row(
      int line,
      String email,
      String firstName,
      String lastName,
      List<String> roleIds,
      boolean active) {
    String key() {
      return email.toLowerCase(Locale.ROOT);
    }
  }

  /** A row that breaks a rule; {@code email} is kept when readable, so prune spares that user. */
  record Problem(int line, @Nullable String email, String field, String rule) {}

  final String sha256;
  final List<Row> rows;
  final List<Problem> problems;

  private SyncFile(String sha256, List<Row> rows, List<Problem> problems) {
    this.sha256 = sha256;
    this.rows = rows;
    this.problems = problems;
  }

  /** Emails of invalid rows: never pruned, since the file meant to keep them. */
  Set<String> protectedEmails() {
    Set<String> emails = new TreeSet<>();
    for (Problem p : problems) {
      if (p.email() != null) {
        emails.add(p.email().toLowerCase(Locale.ROOT));
      }
    }
    return emails;
  }

  static SyncFile read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw CliException.usage("cannot read " + path + ": " + e.getMessage());
    }
    String sha = sha256(bytes);
    List<Raw> raws = isJson(path, bytes) ? readJson(path, bytes) : readCsv(path, bytes);
    List<Row> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Raw raw : raws) {
      validate(raw, seen, rows, problems);
    }
    return new SyncFile(sha, rows, problems);
  }

  private record Raw(int line, Map<String, String> values) {}

  /**
   * The client's own check of a create request (the same rules, Hibernate Validator started once
   * per JVM and shared with the client's calls), applied to each row.
   */
  private static final RequestValidator VALIDATOR = new RequestValidator();

  /** The prefix the validator gives each violated field: {@code row.email}. */
  private static final String ROW = "row";

  private static void validate(
      Raw raw, Map<String, Integer> seen, List<Row> rows, List<Problem> problems) {
    Map<String, String> v = raw.values();
    int before = problems.size();
    String email = blankToNull(v.get("email"));
    for (String column : v.keySet()) {
      if (!COLUMNS.contains(column)) {
        problems.add(
            new Problem(
                raw.line(), email, column, "is not a known column (known: " + COLUMNS + ")"));
      }
    }
    if (email == null) {
      problems.add(new Problem(raw.line(), null, "email", "must not be blank"));
    }
    String first = v.getOrDefault("firstName", "").strip();
    String last = v.getOrDefault("lastName", "").strip();
    List<String> roles =
        Arrays.stream(v.getOrDefault("roleIds", "").split("[;|\\s]+"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    Boolean active = parseActive(v.get("active"));
    if (active == null) {
      problems.add(new Problem(raw.line(), email, "active", "must be true or false"));
    }
    CreateUserDefinition definition =
        new CreateUserDefinition()
            .email(email == null ? "" : email.strip())
            .firstName(first)
            .lastName(last)
            .roleIds(new ArrayList<>(roles));
    try {
      VALIDATOR.validate(ROW, definition);
    } catch (SumoValidationException e) {
      for (SumoValidationException.Violation violation : e.violations()) {
        String field = violation.field().substring(ROW.length() + 1);
        if (field.equals("email") && email == null) {
          continue;
        }
        problems.add(new Problem(raw.line(), email, field, violation.rule()));
      }
    }
    if (email != null) {
      Integer earlier = seen.putIfAbsent(email.strip().toLowerCase(Locale.ROOT), raw.line());
      if (earlier != null) {
        problems.add(
            new Problem(
                raw.line(), email, "email", "repeats line " + earlier + "; one row a user"));
      }
    }
    if (problems.size() == before) {
      rows.add(new Row(raw.line(), email.strip(), first, last, roles, active));
    }
  }

  private static @Nullable Boolean parseActive(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Boolean.TRUE;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> Boolean.TRUE;
      case "false", "no", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static boolean isJson(Path path, byte[] bytes) {
    if (path.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      return true;
    }
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return b == '[';
      }
    }
    return false;
  }

  private static List<Raw> readCsv(Path path, byte[] bytes) {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    List<Raw> raws = new ArrayList<>();
    try (InputStream in = new java.io.ByteArrayInputStream(bytes);
        CsvParser parser = (CsvParser) mapper.getFactory().createParser(in)) {
      parser.setSchema(CsvSchema.emptySchema().withHeader());
      while (true) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          break;
        }
        if (token != JsonToken.START_OBJECT) {
          continue;
        }
        int line = -1;
        Map<String, String> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          if (line < 0) {
            // The row's first field knows its line; the object's start still points before it.
            line = parser.currentTokenLocation().getLineNr();
          }
          String name = parser.currentName();
          parser.nextToken();
          values.put(name.strip(), parser.getValueAsString(""));
        }
        raws.add(new Raw(line, values));
      }
    } catch (IOException e) {
      throw CliException.usage(path + ": not a CSV file with a header line: " + e.getMessage());
    }
    return raws;
  }

  private static List<Raw> readJson(Path path, byte[] bytes) {
    ObjectMapper mapper = new ObjectMapper();
    List<Raw> raws = new ArrayList<>();
    try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw CliException.usage(path + ": a JSON sync file is an array of user objects");
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonNode node = mapper.readTree(parser);
        Map<String, String> values = new LinkedHashMap<>();
        node.properties()
            .forEach(
                e -> {
                  JsonNode value = e.getValue();
                  String text;
                  if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.forEach(item -> items.add(item.asText()));
                    text = String.join(";", items);
                  } else {
                    text = value.isNull() ? "" : value.asText();
                  }
                  values.put(e.getKey(), text);
                });
        raws.add(new Raw(line, values));
      }
    } catch (IOException e) {
      throw CliException.usage(path + ": not valid JSON: " + e.getMessage());
    }
    return raws;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
