package dev.sumoclient.users.drift;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The small descriptions under src/test/resources/fixtures, written for these tests. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Compares base.yaml (old) with {@code name} (new) the way the drift tool does. */
  static DriftReport driftFromBaseTo(String name) {
    List<Drift> drifts =
        new DriftDetector(Descriptions.USER_MANAGEMENT_TAG, Set.of())
            .compare(Descriptions.read(path("base.yaml")), Descriptions.read(path(name)));
    return new DriftReport("base.yaml", name, drifts);
  }
}
