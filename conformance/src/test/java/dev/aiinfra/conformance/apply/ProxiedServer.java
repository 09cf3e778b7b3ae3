package dev.aiinfra.conformance.apply;

import dev.aiinfra.conformance.apiserver.ApiServer;
import dev.aiinfra.core.cluster.FaultProxy;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A {@link FaultProxy} in front of the real API server and a client that goes through it: plain
 * HTTP on loopback to the proxy, TLS (pinned to the server's CA) from the proxy to the server, the
 * server's token passed through. The client gives up on an answer after {@link #CLIENT_TIMEOUT};
 * a {@code SLOW} answer comes later than that.
 */
final class ProxiedServer implements AutoCloseable {
  static final Duration CLIENT_TIMEOUT = Duration.ofMillis(1_500);
  private static final Duration SLOW_BY = Duration.ofSeconds(3);

  final FaultProxy proxy;
  final KubernetesClient client;

  ProxiedServer(ApiServer server) {
    Config config = server.client().getConfiguration();
    this.proxy = FaultProxy.to(URI.create(server.url()), trusting(config), SLOW_BY);
    this.client = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(config)
            .withMasterUrl(proxy.url())
            .withRequestTimeout((int) CLIENT_TIMEOUT.toMillis())
            .withRequestRetryBackoffLimit(0)
            .build())
        .build();
  }

  private static SSLContext trusting(Config config) {
    try (InputStream pem = caPem(config)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust the API server's CA: " + e.getMessage(), e);
    }
  }

  private static InputStream caPem(Config config) throws IOException {
    if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
      return new ByteArrayInputStream(Base64.getDecoder().decode(config.getCaCertData().trim()));
    }
    if (config.getCaCertFile() != null) {
      return Files.newInputStream(Path.of(config.getCaCertFile()));
    }
    throw new IOException("the kubeconfig names no certificate authority");
  }

  @Override
  public void close() {
    client.close();
    proxy.close();
  }
}
