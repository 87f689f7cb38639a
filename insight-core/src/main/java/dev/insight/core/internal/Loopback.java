package dev.insight.core.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules every local page of insight (the bank's search page, the coding review page) applies to a request: the
 * server listens on 127.0.0.1 only, answers only requests addressed to itself, and refuses requests that other
 * sites' pages send it. Kept free of any HTTP server type so that each server stays a thin layer over it.
 */
public final class Loopback {
  private Loopback() {}

  /**
   * Why a request is refused, or null when it may be served: its {@code Host} must be this server's
   * ({@code 127.0.0.1:PORT} or {@code localhost:PORT}, any case; this defeats DNS rebinding), and its
   * {@code Origin}, when sent, must be this server's ({@code http://127.0.0.1:PORT} or {@code http://localhost:PORT};
   * this stops other sites' pages, including {@code Origin: null}).
   *
   * @param port the port the server listens on
   * @param host the request's {@code Host} header, or null
   * @param origin the request's {@code Origin} header, or null
   * @return the message to answer with (status 403), or null
   */
  public static @Nullable String refusal(int port, @Nullable String host, @Nullable String origin) {
    Set<String> hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      return "refused: this server answers only requests addressed to 127.0.0.1:" + port;
    }
    if (origin != null && !Set.of("http://127.0.0.1:" + port, "http://localhost:" + port).contains(origin)) {
      return "refused: requests from another origin (" + origin + ") are not accepted";
    }
    return null;
  }

  /**
   * The headers every response of a local page carries besides its content type.
   *
   * @param contentSecurityPolicy the page's Content-Security-Policy
   * @return header name to value
   */
  public static Map<String, String> headers(String contentSecurityPolicy) {
    return Map.of("Content-Security-Policy", contentSecurityPolicy, "X-Content-Type-Options", "nosniff",
        "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer", "Cache-Control", "no-store");
  }
}
