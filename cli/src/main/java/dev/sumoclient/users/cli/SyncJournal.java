package dev.sumoclient.users.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record of an apply, one line per event, forced to disk before the next call: {@code start
 * <step>} before a step's first call, {@code done <step> [id]} after its last. A rerun reads it
 * back, so a create that may have reached Sumo Logic is never sent again even if a listing does not
 * show the user yet.
 */
final class SyncJournal implements AutoCloseable {
  private static final String HEADER = "# sumo-users sync journal v1 sha256=";
  private static final String COMPLETE = "complete";

  private final Path path;
  private final FileChannel channel;
  private final Set<String> started = new HashSet<>();
  private final Map<String, String> done = new HashMap<>();

  private SyncJournal(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Opens the journal for the file with this digest: an existing journal is read back when it
   * belongs to the same file, and refused when it belongs to another.
   */
  static SyncJournal open(Path path, String fileSha256) {
    try {
      boolean exists = Files.exists(path) && Files.size(path) > 0;
      List<String> lines = exists ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
      if (exists && lines.get(lines.size() - 1).equals(COMPLETE)) {
        // A finished apply: nothing to resume, and the next apply (of any file) starts afresh.
        Files.delete(path);
        exists = false;
        lines = List.of();
      }
      if (exists && !lines.get(0).equals(HEADER + fileSha256)) {
        throw CliException.usage(
            "journal "
                + path
                + " records an apply of another version of the file: finish that one, or remove"
                + " the journal (or name another with --journal) to start afresh");
      }
      FileChannel channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      SyncJournal journal = new SyncJournal(path, channel);
      for (String line : lines) {
        if (line.startsWith("start ")) {
          journal.started.add(line.substring("start ".length()));
        } else if (line.startsWith("done ")) {
          String rest = line.substring("done ".length());
          String[] parts = rest.split(" ");
          // "done <verb> <email> [id]"
          String key = parts[0] + " " + parts[1];
          journal.done.put(key, parts.length > 2 ? parts[2] : "");
        }
      }
      if (!exists) {
        journal.append(HEADER + fileSha256);
      }
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal " + path, e);
    }
  }

  boolean wasStarted(String key) {
    return started.contains(key) || done.containsKey(key);
  }

  boolean isDone(String key) {
    return done.containsKey(key);
  }

  int doneCount() {
    return done.size();
  }

  void start(String key) {
    started.add(key);
    append("start " + key);
  }

  void done(String key, String id) {
    done.put(key, id);
    append("done " + key + (id.isEmpty() ? "" : " " + id));
  }

  void failed(String key, String reason) {
    append("failed " + key + " " + reason.replace('\n', ' '));
  }

  /** Marks the apply finished, every step done. */
  void complete() {
    append(COMPLETE);
  }

  private void append(String line) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
