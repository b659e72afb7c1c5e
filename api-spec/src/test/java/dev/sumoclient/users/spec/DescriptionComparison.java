package dev.sumoclient.users.spec;

import static dev.sumoclient.users.spec.DescriptionFacts.ABSENT;
import static dev.sumoclient.users.spec.DescriptionFacts.PRESENT;
import static dev.sumoclient.users.spec.DescriptionFacts.SEPARATOR;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares the facts of one tag in the upstream description with the same facts in ours. */
final class DescriptionComparison {

  private DescriptionComparison() {}

  /**
   * Lists every fact of the {@code tag} operations, and of the schemas they reach, on which the two
   * descriptions disagree, plus every upstream server that ours lacks.
   *
   * <p>Ours may list more servers than upstream: it names deployments the upstream description
   * predates. Servers compare without their trailing slash, which upstream writes and we do not.
   */
  static List<Difference> compare(OpenAPI upstream, OpenAPI ours, String tag) {
    List<Difference> differences = new ArrayList<>(factDifferences(upstream, ours, tag));
    differences.addAll(missingServers(upstream, ours));
    return differences;
  }

  /** Renders differences one a line, for a failure message a person can act on. */
  static String report(List<Difference> differences) {
    return differences.size()
        + " fact(s) of our description differ from upstream:\n"
        + differences.stream().map(d -> "  - " + d).collect(Collectors.joining("\n"));
  }

  private static List<Difference> factDifferences(OpenAPI upstream, OpenAPI ours, String tag) {
    Map<String, String> theirs = DescriptionFacts.of(upstream, tag);
    Map<String, String> mine = DescriptionFacts.of(ours, tag);
    Set<String> where = new TreeSet<>(theirs.keySet());
    where.addAll(mine.keySet());
    List<Difference> all = new ArrayList<>();
    for (String fact : where) {
      String upstreamValue = theirs.getOrDefault(fact, ABSENT);
      String ourValue = mine.getOrDefault(fact, ABSENT);
      if (!upstreamValue.equals(ourValue)) {
        all.add(new Difference(fact, upstreamValue, ourValue));
      }
    }
    // An element one side lacks is reported once, not once per fact beneath it.
    Set<String> missingElements =
        all.stream()
            .filter(d -> d.upstream().equals(ABSENT) || d.ours().equals(ABSENT))
            .map(Difference::where)
            .collect(Collectors.toSet());
    return all.stream().filter(d -> !insideAnyOf(d.where(), missingElements)).toList();
  }

  private static boolean insideAnyOf(String fact, Set<String> elements) {
    return elements.stream().anyMatch(element -> fact.startsWith(element + SEPARATOR));
  }

  private static List<Difference> missingServers(OpenAPI upstream, OpenAPI ours) {
    Set<String> ourServers = serverUrls(ours);
    return serverUrls(upstream).stream()
        .filter(url -> !ourServers.contains(url))
        .map(url -> new Difference("servers" + SEPARATOR + url, PRESENT, ABSENT))
        .toList();
  }

  private static Set<String> serverUrls(OpenAPI api) {
    List<Server> servers = api.getServers() == null ? List.of() : api.getServers();
    return servers.stream()
        .map(Server::getUrl)
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
