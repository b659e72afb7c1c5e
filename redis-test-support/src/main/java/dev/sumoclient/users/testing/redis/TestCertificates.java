package dev.sumoclient.users.testing.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway CA and a server certificate it signed for {@code 127.0.0.1} and {@code localhost},
 * made at run time with the running JDK's own {@code keytool}, as PEM files {@code redis-server}
 * reads. Nothing is committed; the directory is deleted on {@link #close()}.
 */
public final class TestCertificates implements AutoCloseable {
  private final Path dir;
  private final Path caCertificate;
  private final Path serverCertificate;
  private final Path serverKey;

  private TestCertificates(Path dir) {
    this.dir = dir;
    this.caCertificate = dir.resolve("ca.crt");
    this.serverCertificate = dir.resolve("server.crt");
    this.serverKey = dir.resolve("server.key");
  }

  /**
   * Makes a new CA and a server certificate for {@code 127.0.0.1} and {@code localhost}, valid for
   * two days.
   *
   * @return the files
   */
  public static TestCertificates create() {
    try {
      TestCertificates files =
          new TestCertificates(Files.createTempDirectory("redis-tls").toRealPath());
      files.generate();
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void generate() throws IOException {
    // A random store password: the stores live only as long as the test.
    String storePass = Long.toHexString(new SecureRandom().nextLong()) + "x";
    Path ca = dir.resolve("ca.p12");
    Path server = dir.resolve("server.p12");
    Path csr = dir.resolve("server.csr");
    List<String> store = List.of("-storetype", "PKCS12", "-storepass", storePass);
    keytool(
        store,
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=sumo-users redis test CA",
        "-ext",
        "bc:c",
        "-ext",
        "ku:c=keyCertSign,cRLSign",
        "-validity",
        "2",
        "-keystore",
        ca.toString());
    keytool(
        store,
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-validity",
        "2",
        "-keystore",
        server.toString());
    keytool(
        store,
        "-certreq",
        "-alias",
        "server",
        "-keystore",
        server.toString(),
        "-file",
        csr.toString());
    keytool(
        store,
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        ca.toString(),
        "-infile",
        csr.toString(),
        "-outfile",
        serverCertificate.toString(),
        "-rfc",
        "-validity",
        "2",
        "-ext",
        "san=ip:127.0.0.1,dns:localhost",
        "-ext",
        "ku:c=digitalSignature",
        "-ext",
        "eku=serverAuth");
    keytool(
        store,
        "-exportcert",
        "-alias",
        "ca",
        "-keystore",
        ca.toString(),
        "-rfc",
        "-file",
        caCertificate.toString());
    // redis-server wants the private key as PEM: PKCS#8, straight from the PKCS12 store.
    try (InputStream in = Files.newInputStream(server)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, storePass.toCharArray());
      Key key = keys.getKey("server", storePass.toCharArray());
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(key.getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      Files.writeString(serverKey, pem, StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the generated server key", e);
    }
  }

  private static void keytool(List<String> store, String... arguments) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new ArrayList<>();
    command.add(keytool.toString());
    command.add(arguments[0]);
    command.addAll(store);
    command.addAll(List.of(arguments).subList(1, arguments.length));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The CA's certificate (PEM), the file a user gives the client to trust. */
  public Path caCertificate() {
    return caCertificate;
  }

  /** The server's certificate (PEM), for {@code --tls-cert-file}. */
  public Path serverCertificate() {
    return serverCertificate;
  }

  /** The server's private key (PKCS#8 PEM), for {@code --tls-key-file}. */
  public Path serverKey() {
    return serverKey;
  }

  /** A TLS context trusting only this CA, for the harness's own {@code PING}. */
  public SSLContext clientContext() {
    try (InputStream in = Files.newInputStream(caCertificate)) {
      Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("ca", ca);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust the generated CA", e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temporary files
    }
  }
}
