package dev.insight.bank.serve;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.insight.bank.Bank;
import dev.insight.bank.BankQuery;
import dev.insight.bank.Hit;
import dev.insight.bank.SearchResult;
import dev.insight.core.internal.Loopback;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bank's read-only search page and JSON API, on the loopback interface.
 *
 * <p>Routes: {@code GET /} the search page (the form's parameters in the query string render the results on the
 * server, so the page needs no script); {@code GET /api/search?q=...&audience=...} the same search as JSON;
 * {@code GET /style.css} the page's style. Parameters: {@code q}, {@code kind}, {@code audience}, {@code priority},
 * {@code theme}, {@code place}, {@code from}, {@code to} (ISO dates), {@code activity} (a kind of activity such as
 * {@code focus-group}), {@code programme}, {@code limit}.
 *
 * <p>Security: bound to 127.0.0.1 only; a request whose {@code Host} is not this server's loopback address and port
 * is refused (against DNS rebinding), as is one whose {@code Origin}, when sent, is not this server (against other
 * sites' pages calling it), by the rules all insight's local pages share ({@code Loopback}); only GET and HEAD; a Content-Security-Policy that allows nothing but this server's
 * style sheet. Internal-use-only programmes are searched only when the server was started to include them.
 */
public final class BankServer implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String CSP = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; "
      + "frame-ancestors 'none'";

  private final Bank bank;
  private final boolean includeInternal;
  private final HttpServer server;
  private final ExecutorService executor;

  private BankServer(Bank bank, boolean includeInternal, HttpServer server, ExecutorService executor) {
    this.bank = bank;
    this.includeInternal = includeInternal;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving a bank on 127.0.0.1.
   *
   * @param bank the bank, opened read-only by the caller and closed by the caller after this server
   * @param port the port, or 0 for any free one
   * @param includeInternal whether internal-use-only programmes are searched
   * @return the running server
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static BankServer start(Bank bank, int port, boolean includeInternal) {
    checkNotNull(bank, "bank");
    checkArgument(port >= 0 && port <= 65535, "port must be between 0 and 65535: %s", port);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(2);
    BankServer running = new BankServer(bank, includeInternal, server, executor);
    server.createContext("/", running::handle);
    server.setExecutor(executor);
    server.start();
    return running;
  }

  /**
   * The port it listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The address of the search page.
   *
   * @return such as {@code http://127.0.0.1:8080/}
   */
  public String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Headers headers = exchange.getResponseHeaders();
      Loopback.headers(CSP).forEach(headers::set);
      String refusal = Loopback.refusal(port(), exchange.getRequestHeaders().getFirst("Host"),
          exchange.getRequestHeaders().getFirst("Origin"));
      if (refusal != null) {
        send(exchange, 403, "text/plain", refusal);
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        headers.set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", "read-only: only GET and HEAD");
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      switch (path) {
        case "/" -> page(exchange, rawQuery);
        case "/api/search" -> api(exchange, rawQuery);
        case "/style.css" -> send(exchange, 200, "text/css", SearchPage.CSS);
        default -> send(exchange, 404, "text/plain", "not found: " + path);
      }
    } catch (RuntimeException e) {
      // never a stack trace to the browser: the message only
      send(exchange, 500, "text/plain", "the search failed: " + e.getMessage());
    }
  }

  private void page(HttpExchange exchange, String rawQuery) throws IOException {
    Map<String, String> p;
    try {
      p = SearchParameters.parse(rawQuery);
    } catch (IllegalArgumentException e) {
      send(exchange, 400, "text/html", SearchPage.render(Map.of(), null, e.getMessage(), bank.list()));
      return;
    }
    SearchResult result = null;
    String error = null;
    if (!p.isEmpty()) {
      try {
        result = bank.search(SearchParameters.query(p, includeInternal));
      } catch (IllegalArgumentException e) {
        error = e.getMessage();
      }
    }
    send(exchange, error == null ? 200 : 400, "text/html", SearchPage.render(p, result, error, bank.list()));
  }

  private void api(HttpExchange exchange, String rawQuery) throws IOException {
    BankQuery query;
    try {
      query = SearchParameters.query(SearchParameters.parse(rawQuery), includeInternal);
    } catch (IllegalArgumentException e) {
      ObjectNode error = JSON.createObjectNode().put("error", e.getMessage());
      send(exchange, 400, "application/json", JSON.writeValueAsString(error));
      return;
    }
    SearchResult result = bank.search(query);
    send(exchange, 200, "application/json", JSON.writeValueAsString(json(result)));
  }

  /**
   * A search result as the API's JSON: {@code {"byMeaning": ..., "note": ..., "hits": [{"kind", "programme",
   * "programmeTitle", "id", "text", "source", "base", "consent", "redaction", "themes", "date", "place",
   * "internalUseOnly", "score"}]}}.
   *
   * @param result the result
   * @return the JSON tree
   */
  public static ObjectNode json(SearchResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("byMeaning", result.byMeaning());
    root.put("note", result.note());
    ArrayNode hits = root.putArray("hits");
    for (Hit hit : result.hits()) {
      ObjectNode h = hits.addObject();
      h.put("kind", hit.kind().label());
      h.put("programme", hit.programme());
      h.put("programmeTitle", hit.programmeTitle());
      h.put("id", hit.id());
      h.put("text", hit.text());
      h.put("source", hit.source());
      h.put("base", hit.base());
      h.put("consent", hit.consent());
      h.put("redaction", hit.redaction());
      ArrayNode themes = h.putArray("themes");
      hit.themes().forEach(themes::add);
      h.put("date", hit.date());
      h.put("place", hit.place());
      h.put("internalUseOnly", hit.internalUseOnly());
      h.put("score", hit.score());
    }
    return root;
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Stops serving at once; the bank stays open. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
