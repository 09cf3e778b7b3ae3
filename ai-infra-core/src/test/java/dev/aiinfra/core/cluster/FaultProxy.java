package dev.aiinfra.core.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A plain-HTTP proxy on 127.0.0.1 in front of an API server (the fabric8 mock server or a real
 * kube-apiserver over TLS) that injects faults into chosen requests: 429 with {@code Retry-After},
 * 503 before the request reaches the server, 500 or a TCP reset after the server has served it
 * (so the client does not know whether it took effect), and an answer slower than the client's
 * timeout. Every request is logged with its body, so a test can check what reached the server.
 *
 * <p>Two layers: a TCP front that the client connects to, piping bytes to a JDK {@link
 * HttpServer} that parses the requests; a reset is a close with {@code SO_LINGER 0} of the front
 * socket the request came through, which the client sees as "connection reset".
 */
public final class FaultProxy implements AutoCloseable {
  /** What happens to one request. */
  public enum Fault {
    /** 429 TooManyRequests with {@code Retry-After: 1}; not forwarded. */
    THROTTLE,
    /** 503 ServiceUnavailable; not forwarded. */
    UNAVAILABLE,
    /** Forwarded and served; the answer is replaced by 500. */
    ERROR_AFTER_SERVING,
    /** Not forwarded; the connection is reset. */
    RESET_BEFORE_SERVING,
    /** Forwarded and served; the connection is reset instead of answering. */
    RESET_AFTER_SERVING,
    /** Forwarded and served; the answer is held back longer than the client waits. */
    SLOW
  }

  /** One request as seen by the proxy. */
  public record Exchange(String method, String path, String body, boolean forwarded, Optional<Fault> fault) {}

  private record Rule(String method, String pathPrefix, Deque<Fault> faults) {}

  private static final Set<String> HOP_HEADERS =
      Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive");

  private final URI upstream;
  private final Duration slowBy;
  private final HttpClient forward;
  private final HttpServer inner;
  private final ServerSocket front;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });
  /** Front sockets by the local port of their pipe to the inner server, for resets. */
  private final Map<Integer, Socket> clients = new ConcurrentHashMap<>();
  private final List<Rule> rules = new ArrayList<>();
  private final List<Exchange> log = new CopyOnWriteArrayList<>();

  private FaultProxy(URI upstream, SSLContext ssl, Duration slowBy) throws IOException {
    this.upstream = upstream;
    this.slowBy = slowBy;
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
    if (ssl != null) {
      b.sslContext(ssl);
    }
    this.forward = b.build();
    InetAddress loopback = InetAddress.getLoopbackAddress();
    this.inner = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
    inner.createContext("/", this::handle);
    inner.setExecutor(threads);
    inner.start();
    this.front = new ServerSocket(0, 64, loopback);
    threads.execute(this::acceptLoop);
  }

  /** A proxy to {@code upstream}; {@code ssl} trusts its certificate when it is https (null: JDK default). */
  public static FaultProxy to(URI upstream, SSLContext ssl, Duration slowBy) {
    try {
      return new FaultProxy(upstream, ssl, slowBy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL clients use instead of the server's. */
  public String url() {
    return "http://127.0.0.1:" + front.getLocalPort();
  }

  /** The next requests with this method whose path starts with {@code pathPrefix} get these faults, in order. */
  public synchronized FaultProxy inject(String method, String pathPrefix, Fault... faults) {
    rules.add(new Rule(method.toUpperCase(Locale.ROOT), pathPrefix, new ArrayDeque<>(List.of(faults))));
    return this;
  }

  /** Whether every injected fault has been used. */
  public synchronized boolean allFaultsUsed() {
    return rules.stream().allMatch(r -> r.faults().isEmpty());
  }

  public List<Exchange> log() {
    return List.copyOf(log);
  }

  private synchronized Optional<Fault> next(String method, String path) {
    for (Rule r : rules) {
      if (r.method().equals(method) && path.startsWith(r.pathPrefix()) && !r.faults().isEmpty()) {
        return Optional.of(r.faults().poll());
      }
    }
    return Optional.empty();
  }

  private void acceptLoop() {
    while (!front.isClosed()) {
      try {
        Socket client = front.accept();
        Socket pipe = new Socket(InetAddress.getLoopbackAddress(), inner.getAddress().getPort());
        clients.put(pipe.getLocalPort(), client);
        threads.execute(() -> pump(client, pipe));
        threads.execute(() -> pump(pipe, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    byte[] buf = new byte[16384];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: close both below
    }
    closeQuietly(from);
    closeQuietly(to);
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = ex.getRequestURI().toString();
    byte[] body = ex.getRequestBody().readAllBytes();
    Optional<Fault> fault = next(method, path);
    boolean forwarded = fault.isEmpty() || switch (fault.get()) {
      case THROTTLE, UNAVAILABLE, RESET_BEFORE_SERVING -> false;
      default -> true;
    };
    log.add(new Exchange(method, path, new String(body, StandardCharsets.UTF_8), forwarded, fault));
    if (fault.isPresent() && fault.get() == Fault.RESET_BEFORE_SERVING) {
      reset(ex);
      return;
    }
    if (fault.isPresent() && fault.get() == Fault.THROTTLE) {
      ex.getResponseHeaders().add("Retry-After", "1");
      status(ex, 429, "TooManyRequests", "too many requests, please try again later (injected)", 1);
      return;
    }
    if (fault.isPresent() && fault.get() == Fault.UNAVAILABLE) {
      status(ex, 503, "ServiceUnavailable", "the server is currently unable to handle the request (injected)", 0);
      return;
    }
    HttpResponse<byte[]> answer;
    try {
      answer = forward.send(request(method, path, ex, body), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reset(ex);
      return;
    } catch (IOException e) {
      status(ex, 502, "BadGateway", "proxy could not reach the server: " + e.getMessage(), 0);
      return;
    }
    if (fault.isPresent()) {
      switch (fault.get()) {
        case RESET_AFTER_SERVING -> {
          reset(ex);
          return;
        }
        case ERROR_AFTER_SERVING -> {
          status(ex, 500, "InternalError", "an error on the server prevented the answer (injected after serving)", 0);
          return;
        }
        case SLOW -> sleep(slowBy);
        default -> { }
      }
    }
    answer.headers().map().forEach((k, vs) -> {
      if (!HOP_HEADERS.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
        vs.forEach(v -> ex.getResponseHeaders().add(k, v));
      }
    });
    byte[] out = answer.body();
    try {
      ex.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
      ex.getResponseBody().write(out);
    } catch (IOException e) {
      // the client gave up (a SLOW answer): nothing to deliver
    }
    ex.close();
  }

  private HttpRequest request(String method, String path, HttpExchange ex, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve(path)).timeout(Duration.ofSeconds(30));
    ex.getRequestHeaders().forEach((k, vs) -> {
      if (!HOP_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
        vs.forEach(v -> b.header(k, v));
      }
    });
    return b.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private static void status(HttpExchange ex, int code, String reason, String message, int retryAfterSeconds) throws IOException {
    String details = retryAfterSeconds > 0 ? ",\"details\":{\"retryAfterSeconds\":" + retryAfterSeconds + "}" : "";
    byte[] json = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"" + message
        + "\",\"reason\":\"" + reason + "\"" + details + ",\"code\":" + code + "}").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(code, json.length);
    ex.getResponseBody().write(json);
    ex.close();
  }

  /** Resets the client's connection this request came through (RST, not an orderly close). */
  private void reset(HttpExchange ex) {
    Socket client = clients.remove(ex.getRemoteAddress().getPort());
    if (client != null) {
      try {
        client.setSoLinger(true, 0);
      } catch (IOException e) {
        // already gone
      }
      closeQuietly(client);
    }
    ex.close();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    try {
      front.close();
    } catch (IOException e) {
      // nothing to do
    }
    clients.values().forEach(FaultProxy::closeQuietly);
    inner.stop(0);
    threads.shutdownNow();
  }
}
