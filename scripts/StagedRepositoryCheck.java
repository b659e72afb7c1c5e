import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a staged (deployed) repository against the BOM: every artifact the BOM lists is there
 * with its jar, sources, Javadoc, flattened POM and CycloneDX SBOM, each signed and checksummed;
 * POMs carry what a public repository requires and no parent; jars name a unique
 * Automatic-Module-Name; nothing the BOM does not list was published.
 *
 * <p>Run as {@code java scripts/StagedRepositoryCheck.java <staging-dir> bom/pom.xml} (see
 * scripts/stage-release.sh). It reads the published modules from the BOM, so a new module is
 * covered as soon as the BOM lists it.
 */
public class StagedRepositoryCheck {
  private static final List<String> problems = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Path stage = Path.of(args[0]);
    Document bom = parse(Path.of(args[1]));
    String group = text(bom.getDocumentElement(), "groupId");
    String version = text(bom.getDocumentElement(), "version");
    Path groupDir = stage.resolve(group.replace('.', '/'));

    Map<String, Boolean> expected = new LinkedHashMap<>(); // artifactId -> is a jar module
    expected.put(text(bom.getDocumentElement(), "artifactId"), false);
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      if (group.equals(text(d, "groupId"))) {
        expected.put(text(d, "artifactId"), true);
      }
    }

    Map<String, String> moduleNames = new HashMap<>();
    for (Map.Entry<String, Boolean> e : expected.entrySet()) {
      String artifactId = e.getKey();
      Path dir = groupDir.resolve(artifactId).resolve(version);
      if (!Files.isDirectory(dir)) {
        problems.add(artifactId + ": not staged (" + dir + ")");
        continue;
      }
      Map<String, Path> files = files(dir, artifactId, version);
      List<String> required = new ArrayList<>(List.of("pom"));
      if (e.getValue()) {
        required.addAll(List.of("jar", "sources.jar", "javadoc.jar", "cyclonedx.json"));
      }
      for (String kind : required) {
        Path f = files.get(kind);
        if (f == null) {
          problems.add(artifactId + ": no " + kind);
          continue;
        }
        signedAndChecksummed(artifactId, f);
      }
      if (files.containsKey("pom")) {
        checkPom(artifactId, files.get("pom"));
      }
      if (e.getValue() && files.containsKey("jar")) {
        String name = automaticModuleName(files.get("jar"));
        if (name == null
            || !name.matches("dev\\.sumoclient\\.users(\\.[a-z][a-z0-9]*)*")
            || name.endsWith(".unpublished")) {
          problems.add(artifactId + ": Automatic-Module-Name is " + name);
        } else if (moduleNames.put(name, artifactId) != null) {
          problems.add(artifactId + ": Automatic-Module-Name " + name + " is also " + moduleNames.get(name) + "'s");
        }
      }
      if (e.getValue() && files.containsKey("cyclonedx.json")) {
        String sbom = Files.readString(files.get("cyclonedx.json"));
        if (!sbom.contains("\"bomFormat\" : \"CycloneDX\"") && !sbom.contains("\"bomFormat\":\"CycloneDX\"")) {
          problems.add(artifactId + ": the SBOM is not CycloneDX");
        }
        if (!sbom.contains("pkg:maven/" + group + "/" + artifactId + "@")) {
          problems.add(artifactId + ": the SBOM does not describe " + artifactId);
        }
      }
      System.out.printf("  %-32s %s%n", artifactId, new TreeSet<>(files.keySet()));
    }

    try (Stream<Path> staged = Files.list(groupDir)) {
      staged
          .map(p -> p.getFileName().toString())
          .filter(a -> !expected.containsKey(a))
          .forEach(a -> problems.add(a + ": published, but the BOM does not list it"));
    }

    if (!problems.isEmpty()) {
      System.out.println("Staged repository incomplete:");
      problems.forEach(p -> System.out.println("  " + p));
      System.exit(1);
    }
    System.out.println("Staged repository complete: " + expected.size() + " artifacts, signed and checksummed");
  }

  /** The newest file of each kind ("jar", "sources.jar", "pom", "cyclonedx.json" ...). */
  private static Map<String, Path> files(Path dir, String artifactId, String version)
      throws Exception {
    String value = version;
    Path metadata = dir.resolve("maven-metadata.xml");
    if (version.endsWith("-SNAPSHOT") && Files.exists(metadata)) {
      Element snapshot = (Element) parse(metadata).getElementsByTagName("snapshot").item(0);
      value =
          version.replace("SNAPSHOT", text(snapshot, "timestamp") + "-" + text(snapshot, "buildNumber"));
    }
    Map<String, Path> found = new HashMap<>();
    String prefix = artifactId + "-" + value;
    try (Stream<Path> all = Files.list(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String n = p.getFileName().toString();
        if (!n.startsWith(prefix) || n.endsWith(".asc") || n.endsWith(".md5") || n.endsWith(".sha1")
            || n.endsWith(".sha256") || n.endsWith(".sha512")) {
          continue;
        }
        String rest = n.substring(prefix.length());
        found.put(rest.substring(1), p); // ".jar" -> "jar", "-sources.jar" -> "sources.jar"
      }
    }
    return found;
  }

  private static void signedAndChecksummed(String artifactId, Path f) throws Exception {
    if (!Files.exists(Path.of(f + ".asc"))) {
      problems.add(artifactId + ": " + f.getFileName() + " is not signed");
    }
    byte[] content = Files.readAllBytes(f);
    for (String[] algorithm : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}}) {
      Path sum = Path.of(f + "." + algorithm[0]);
      if (!Files.exists(sum)) {
        problems.add(artifactId + ": " + f.getFileName() + " has no ." + algorithm[0]);
        continue;
      }
      String want = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm[1]).digest(content));
      if (!Files.readString(sum).trim().startsWith(want)) {
        problems.add(artifactId + ": " + sum.getFileName() + " does not match");
      }
    }
  }

  private static void checkPom(String artifactId, Path pom) throws Exception {
    String raw = Files.readString(pom);
    if (raw.contains("${")) {
      problems.add(artifactId + ": the POM has unresolved properties");
    }
    Element project = parse(pom).getDocumentElement();
    for (String forbidden : List.of("parent", "build", "properties", "profiles", "repositories")) {
      if (child(project, forbidden) != null) {
        problems.add(artifactId + ": the published POM has <" + forbidden + ">");
      }
    }
    for (String required : List.of("name", "description", "url")) {
      String value = text(project, required);
      if (value == null || value.isBlank()) {
        problems.add(artifactId + ": the POM has no " + required);
      }
    }
    requireNested(artifactId, project, "licenses", "license", "name");
    requireNested(artifactId, project, "licenses", "license", "url");
    requireNested(artifactId, project, "developers", "developer", "name");
    requireNested(artifactId, project, "scm", null, "url");
    requireNested(artifactId, project, "scm", null, "connection");
  }

  private static void requireNested(
      String artifactId, Element project, String outer, String inner, String leaf) {
    Element e = child(project, outer);
    if (e != null && inner != null) {
      e = child(e, inner);
    }
    String value = e == null ? null : text(e, leaf);
    if (value == null || value.isBlank()) {
      problems.add(artifactId + ": the POM has no " + outer + (inner == null ? "" : "/" + inner) + "/" + leaf);
    }
  }

  private static String automaticModuleName(Path jar) throws Exception {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.getManifest() == null
          ? null
          : j.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
    }
  }

  private static Document parse(Path xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(xml)) {
      return f.newDocumentBuilder().parse(in);
    }
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }
}
