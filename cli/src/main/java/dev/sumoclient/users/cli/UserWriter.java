package dev.sumoclient.users.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sumoclient.users.generated.model.UserModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes users one at a time, so that a listing of any size holds only what the current page holds:
 * JSON as one streamed array, NDJSON one object a line, CSV with a header, or a table whose column
 * widths come from its first rows.
 */
abstract class UserWriter implements AutoCloseable {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** Rows a table looks at before fixing its column widths. */
  static final int TABLE_SAMPLE = 100;

  /** Widest a table column grows; longer values are cut with an ellipsis. */
  static final int TABLE_MAX_WIDTH = 40;

  final List<UserField> fields;

  UserWriter(List<UserField> fields) {
    this.fields = fields;
  }

  static UserWriter create(OutputFormat format, List<UserField> fields, PrintStream out) {
    return switch (format) {
      case table -> new Table(fields, out);
      case json -> new Json(fields, out, false);
      case ndjson -> new Json(fields, out, true);
      case csv -> new Csv(fields, out);
    };
  }

  abstract void write(UserModel user);

  @Override
  public abstract void close();

  /**
   * JSON, NDJSON and CSV: one Jackson generator over stdout, an object per user; the subclasses say
   * how a field is written and how the output ends.
   */
  private abstract static class Streaming extends UserWriter {
    final JsonGenerator generator;

    Streaming(List<UserField> fields, JsonGenerator generator) {
      super(fields);
      this.generator = generator;
    }

    @Override
    final void write(UserModel user) {
      try {
        generator.writeStartObject();
        for (UserField f : fields) {
          writeField(f, user);
        }
        generator.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    abstract void writeField(UserField field, UserModel user) throws IOException;

    /** Writes what follows the last user. */
    void end() throws IOException {}

    @Override
    public final void close() {
      try {
        end();
        generator.close(); // flushes; NonClosing keeps stdout open
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Json extends Streaming {
    private final boolean lines;

    Json(List<UserField> fields, PrintStream out, boolean lines) {
      super(fields, generator(JSON.getFactory(), out));
      this.lines = lines;
      try {
        if (lines) {
          generator.setRootValueSeparator(new SerializedString("\n"));
        } else {
          generator.useDefaultPrettyPrinter();
          generator.writeStartArray();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void writeField(UserField f, UserModel user) throws IOException {
      generator.writeFieldName(f.name());
      JSON.writeValue(generator, f.value(user));
    }

    @Override
    void end() throws IOException {
      if (!lines) {
        generator.writeEndArray();
      }
      generator.writeRaw('\n');
    }
  }

  private static final class Csv extends Streaming {
    Csv(List<UserField> fields, PrintStream out) {
      super(fields, generator(new CsvMapper().getFactory(), out));
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
      fields.forEach(f -> schema.addColumn(f.name()));
      generator.setSchema(schema.build());
    }

    @Override
    void writeField(UserField f, UserModel user) throws IOException {
      generator.writeStringField(f.name(), f.text(user));
    }
  }

  private static JsonGenerator generator(JsonFactory factory, OutputStream out) {
    try {
      return factory.createGenerator(new NonClosing(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Table extends UserWriter {
    private final PrintStream out;
    private final List<String[]> sample = new ArrayList<>();
    private int @org.jspecify.annotations.Nullable [] widths;

    Table(List<UserField> fields, PrintStream out) {
      super(fields);
      this.out = out;
      this.widths = null;
    }

    @Override
    void write(UserModel user) {
      String[] row = fields.stream().map(f -> f.text(user)).toArray(String[]::new);
      if (widths != null) {
        print(row);
        return;
      }
      sample.add(row);
      if (sample.size() >= TABLE_SAMPLE) {
        flushSample();
      }
    }

    private void flushSample() {
      widths = new int[fields.size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = fields.get(i).name().length();
        for (String[] row : sample) {
          widths[i] = Math.min(TABLE_MAX_WIDTH, Math.max(widths[i], row[i].length()));
        }
      }
      print(fields.stream().map(UserField::name).toArray(String[]::new));
      sample.forEach(this::print);
      sample.clear();
    }

    private void print(String[] row) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        if (cell.length() > widths[i]) {
          cell = cell.substring(0, widths[i] - 1) + "…";
        }
        line.append(cell);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }

    @Override
    public void close() {
      if (widths == null) {
        flushSample();
      }
      out.flush();
    }
  }

  /** Lets Jackson close its generator without closing stdout. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
