package io.tracewire.testing.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority with a server certificate for {@code 127.0.0.1} and a client
 * certificate, made with the JDK's {@code keytool} when a test starts; nothing of it is kept.
 * Gives the client side as PEM files (CA certificate, client certificate, PKCS#8 client key), as
 * a user configures them, and the server side as an {@link SSLContext}.
 */
public final class TestCertificates {

  private static final String PASSWORD = "test-only";

  private final Path directory;

  private TestCertificates(Path directory) {
    this.directory = directory;
  }

  /** Makes a CA, a server and a client certificate in {@code directory} (a few seconds). */
  public static TestCertificates create(Path directory) {
    TestCertificates certificates = new TestCertificates(directory);
    certificates.keytool("-genkeypair", "-keystore", "ca.p12", "-alias", "ca", "-keyalg", "RSA",
        "-keysize", "2048", "-dname", "CN=Tracewire Test CA", "-ext", "bc:c", "-validity", "2");
    certificates.keytool("-exportcert", "-rfc", "-keystore", "ca.p12", "-alias", "ca", "-file", "ca.pem");
    certificates.signed("server", "san=ip:127.0.0.1,dns:localhost");
    certificates.signed("client", "eku=clientAuth");
    return certificates;
  }

  /** A key pair in {@code <name>.p12} whose certificate, {@code <name>.pem}, the CA signed. */
  private void signed(String name, String extension) {
    String store = name + ".p12";
    keytool("-genkeypair", "-keystore", store, "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=" + name, "-validity", "2");
    keytool("-certreq", "-keystore", store, "-alias", name, "-file", name + ".csr");
    keytool("-gencert", "-rfc", "-keystore", "ca.p12", "-alias", "ca", "-infile", name + ".csr",
        "-outfile", name + ".pem", "-ext", extension, "-validity", "2");
    keytool("-importcert", "-noprompt", "-keystore", store, "-alias", "ca", "-file", "ca.pem");
    keytool("-importcert", "-keystore", store, "-alias", name, "-file", name + ".pem");
  }

  /** The CA's certificate, PEM: what {@code otel.exporter.otlp.certificate} names. */
  public Path caCertificate() {
    return directory.resolve("ca.pem");
  }

  /** The client's certificate, PEM. */
  public Path clientCertificate() {
    return directory.resolve("client.pem");
  }

  /** The client's private key as PKCS#8 PEM, written on first use. */
  public Path clientKey() {
    Path pem = directory.resolve("client.key");
    try {
      KeyStore store = keyStore("client.p12");
      byte[] pkcs8 = store.getKey("client", PASSWORD.toCharArray()).getEncoded();
      String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8);
      Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
      return pem;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server's TLS: its own key and certificate, and trust in the CA (for client certificates). */
  public SSLContext server() {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore("server.p12"), PASSWORD.toCharArray());
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      try (InputStream in = Files.newInputStream(caCertificate())) {
        trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private KeyStore keyStore(String file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(directory.resolve(file))) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private void keytool(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    try {
      Process process =
          new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
