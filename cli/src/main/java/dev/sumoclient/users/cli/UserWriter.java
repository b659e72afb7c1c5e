package dev.sumoclient.users.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
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

  private static final class Json extends UserWriter {
    private final JsonGenerator generator;
    private final boolean lines;
    private final OutputStream out;

    Json(List<UserField> fields, PrintStream out, boolean lines) {
      super(fields);
      this.out = out;
      this.lines = lines;
      try {
        generator = JSON.getFactory().createGenerator(new NonClosing(out));
        if (lines) {
          generator.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        } else {
          generator.useDefaultPrettyPrinter();
          generator.writeStartArray();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void write(UserModel user) {
      try {
        generator.writeStartObject();
        for (UserField f : fields) {
          generator.writeFieldName(f.name());
          JSON.writeValue(generator, f.value(user));
        }
        generator.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        if (!lines) {
          generator.writeEndArray();
        }
        generator.flush();
        generator.close();
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Csv extends UserWriter {
    private final CsvGenerator generator;
    private final PrintStream out;

    Csv(List<UserField> fields, PrintStream out) {
      super(fields);
      this.out = out;
      CsvMapper mapper = new CsvMapper();
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
      fields.forEach(f -> schema.addColumn(f.name()));
      try {
        generator = mapper.getFactory().createGenerator(new NonClosing(out));
        generator.setSchema(schema.build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void write(UserModel user) {
      try {
        generator.writeStartObject();
        for (UserField f : fields) {
          generator.writeStringField(f.name(), f.text(user));
        }
        generator.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        generator.flush();
        generator.close();
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
