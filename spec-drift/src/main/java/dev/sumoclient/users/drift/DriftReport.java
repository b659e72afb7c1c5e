package dev.sumoclient.users.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The differences between two descriptions, as text for people and JSON for tools. */
final class DriftReport {

  static final int NO_DIFFERENCE = 0;
  static final int ONLY_NON_BREAKING = 1;
  static final int BREAKING = 2;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String oldName;
  private final String newName;
  private final List<Drift> drifts;

  /**
   * Creates a report.
   *
   * @param oldName what the old description is, e.g. {@code ours (api-spec)}
   * @param newName what the new description is, e.g. the upstream file's path
   * @param drifts the differences, in any order
   */
  DriftReport(String oldName, String newName, List<Drift> drifts) {
    this.oldName = oldName;
    this.newName = newName;
    this.drifts =
        drifts.stream()
            .sorted(Comparator.comparing(Drift::where).thenComparing(Drift::change))
            .toList();
  }

  List<Drift> drifts() {
    return drifts;
  }

  long breakingCount() {
    return drifts.stream().filter(Drift::isBreaking).count();
  }

  /** 0 when nothing differs, 1 when only non-breaking differences exist, 2 when any breaks. */
  int exitCode() {
    if (drifts.isEmpty()) {
      return NO_DIFFERENCE;
    }
    return breakingCount() > 0 ? BREAKING : ONLY_NON_BREAKING;
  }

  String summary() {
    long breaking = breakingCount();
    return drifts.size()
        + " difference(s): "
        + breaking
        + " breaking, "
        + (drifts.size() - breaking)
        + " non-breaking";
  }

  String text() {
    StringBuilder text = new StringBuilder();
    text.append("Drift from ").append(oldName).append('\n');
    text.append("        to ").append(newName).append('\n');
    if (drifts.isEmpty()) {
      text.append("No difference.\n");
    }
    for (Drift drift : drifts) {
      text.append(drift.isBreaking() ? "  BREAKING      " : "  NON-BREAKING  ")
          .append(drift.where())
          .append(": ")
          .append(drift.change());
      if (drift.before() != null || drift.after() != null) {
        text.append(": ")
            .append(orNone(drift.before()))
            .append(" -> ")
            .append(orNone(drift.after()));
      }
      text.append('\n');
    }
    return text.append("Summary: ").append(summary()).append('\n').toString();
  }

  String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("old", oldName);
    root.put("new", newName);
    ObjectNode summary = root.putObject("summary");
    summary.put("differences", drifts.size());
    summary.put("breaking", breakingCount());
    summary.put("nonBreaking", drifts.size() - breakingCount());
    summary.put("exitCode", exitCode());
    ArrayNode list = root.putArray("differences");
    for (Drift drift : drifts) {
      ObjectNode item = list.addObject();
      item.put("impact", drift.impact().name());
      item.put("where", drift.where());
      item.put("change", drift.change());
      if (drift.before() != null) {
        item.put("before", drift.before());
      }
      if (drift.after() != null) {
        item.put("after", drift.after());
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  private static String orNone(@Nullable String value) {
    return value == null ? "(none)" : value;
  }

  @Override
  public String toString() {
    return drifts.stream().map(Drift::toString).collect(Collectors.joining("\n"));
  }
}
