package dev.insight.examples.cli.code;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.UnitId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local web page and JSON API of {@code insight code review}, on the JDK's embedded HTTP server.
 *
 * <p>Bound to the loopback interface only. Every request must name this server in its {@code Host} header
 * ({@code 127.0.0.1:PORT} or {@code localhost:PORT}; this defeats DNS rebinding), and a request that carries an
 * {@code Origin} must come from the same origin; API writes must be JSON ({@code Content-Type:
 * application/json}, which a cross-site form cannot send without a preflight the server refuses). The page loads
 * nothing from elsewhere: its script and style are served here, under a Content-Security-Policy of {@code 'self'}.
 */
final class ReviewServer implements AutoCloseable {
  private static final int MAX_BODY = 64 * 1024;
  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxStringLength(MAX_BODY)
          .maxNumberLength(50).build())
      .build()).build();
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
      + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final ReviewState review;
  private final HttpServer server;
  private final ExecutorService executor;
  private final int port;

  ReviewServer(ReviewState review, int port) {
    this.review = checkNotNull(review, "review");
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
    }
    this.port = server.getAddress().getPort();
    executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "insight-review-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return port;
  }

  URI address() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String refusal = refusal(exchange);
      if (refusal != null) {
        send(exchange, 403, "text/plain; charset=utf-8", refusal.getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      try {
        switch (method + " " + path) {
          case "GET /", "GET /index.html" -> resource(exchange, "index.html", "text/html; charset=utf-8");
          case "GET /review.js" -> resource(exchange, "review.js", "text/javascript; charset=utf-8");
          case "GET /review.css" -> resource(exchange, "review.css", "text/css; charset=utf-8");
          case "GET /api/codeframe" -> json(exchange, 200, codeframe(review.frame()));
          case "GET /api/next" -> json(exchange, 200, next(tab(exchange)));
          case "GET /api/progress" -> json(exchange, 200, progress());
          case "POST /api/code" -> json(exchange, 200, code(body(exchange)));
          case "POST /api/skip" -> json(exchange, 200, skip(body(exchange), tab(exchange)));
          default -> json(exchange, path.startsWith("/api/") && (path.equals("/api/code") || path.equals("/api/skip")
              || path.equals("/api/next") || path.equals("/api/progress") || path.equals("/api/codeframe")) ? 405
              : 404, error(method + " " + path + " is not part of the review API"));
        }
      } catch (IllegalArgumentException e) {
        json(exchange, 400, error(e.getMessage()));
      } catch (RuntimeException e) {
        json(exchange, 500, error("could not do it: " + e.getMessage()));
      }
    }
  }

  /** Why a request is refused, or null: another Host, another Origin, or a write that is not JSON. */
  private String refusal(HttpExchange exchange) {
    Headers headers = exchange.getRequestHeaders();
    String host = headers.getFirst("Host");
    Set<String> hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
    if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
      return "refused: this server answers only requests addressed to 127.0.0.1:" + port;
    }
    String origin = headers.getFirst("Origin");
    if (origin != null && !Set.of("http://127.0.0.1:" + port, "http://localhost:" + port).contains(origin)) {
      return "refused: requests from another origin (" + origin + ") are not accepted";
    }
    if (exchange.getRequestMethod().equals("POST")) {
      String type = headers.getFirst("Content-Type");
      if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
        return "refused: send JSON with Content-Type: application/json";
      }
    } else if (!exchange.getRequestMethod().equals("GET")) {
      return "refused: only GET and POST";
    }
    return null;
  }

  private static String tab(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("tab=") && part.length() > 4 && part.length() <= 68) {
          return java.net.URLDecoder.decode(part.substring(4), StandardCharsets.UTF_8);
        }
      }
    }
    return "api";
  }

  private ObjectNode next(String tab) {
    Optional<ReviewState.Item> next = review.next(tab);
    ObjectNode node = JSON.createObjectNode();
    if (next.isEmpty()) {
      node.putNull("id");
      node.put("done", true);
    } else {
      ReviewState.Item item = next.get();
      node.put("id", item.unit().value());
      node.put("text", item.text());
      node.put("context", item.context());
      node.put("done", false);
      ReviewState.Suggestion s = item.suggestion();
      if (s == null) {
        node.putNull("suggestion");
      } else {
        ObjectNode suggestion = node.putObject("suggestion");
        ArrayNode codes = suggestion.putArray("codes");
        s.codes().forEach(c -> codes.add(c.value()));
        ObjectNode probabilities = suggestion.putObject("probabilities");
        s.probabilities().forEach((c, p) -> probabilities.put(c.value(), round(p)));
        suggestion.put("confidence", round(s.confidence()));
        suggestion.put("model", s.model());
      }
    }
    node.set("progress", progress());
    return node;
  }

  private ObjectNode code(JsonNode body) {
    String id = text(body, "id");
    String coder = text(body, "coder");
    JsonNode codesNode = body.path("codes");
    if (!codesNode.isArray()) {
      throw new IllegalArgumentException("\"codes\" must be an array of code ids (empty for no code)");
    }
    List<CodeId> codes = new ArrayList<>();
    for (JsonNode code : codesNode) {
      if (!code.isTextual() || code.asText().isBlank()) {
        throw new IllegalArgumentException("\"codes\" must hold code ids, not " + code);
      }
      codes.add(CodeId.of(code.asText()));
    }
    review.code(UnitId.of(id), codes, coder);
    ObjectNode node = JSON.createObjectNode();
    node.put("saved", true);
    node.put("id", id);
    ArrayNode saved = node.putArray("codes");
    codes.forEach(c -> saved.add(c.value()));
    node.put("file", review.codedFile().toString());
    node.set("progress", progress());
    return node;
  }

  private ObjectNode skip(JsonNode body, String tab) {
    String id = text(body, "id");
    review.skip(UnitId.of(id), tab);
    ObjectNode node = JSON.createObjectNode();
    node.put("skipped", id);
    return node;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("\"" + field + "\" is needed, as a string");
    }
    return value.asText();
  }

  private ObjectNode progress() {
    ReviewState.Progress p = review.progress();
    ObjectNode node = JSON.createObjectNode();
    node.put("total", p.total());
    node.put("byPeople", p.byPeople());
    ObjectNode byPerson = node.putObject("byPerson");
    p.byPerson().forEach(byPerson::put);
    node.put("byModel", p.byModel());
    node.put("precision", p.precision());
    node.put("remaining", p.remaining());
    node.put("modelTrainedOn", p.modelTrainedOn());
    node.put("training", p.training());
    if (p.trainingProblem() != null) {
      node.put("trainingProblem", p.trainingProblem());
    }
    return node;
  }

  static ObjectNode codeframe(Codeframe frame) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", frame.name());
    node.put("version", frame.version());
    ArrayNode codes = node.putArray("codes");
    for (Code code : frame.codes()) {
      ObjectNode c = codes.addObject();
      c.put("id", code.id().value());
      c.put("label", code.label());
      if (code.parent() == null) {
        c.putNull("parent");
      } else {
        c.put("parent", code.parent().value());
      }
      c.put("net", frame.isNet(code.id()));
      c.put("codable", code.codable() && !frame.isNet(code.id()));
      c.put("description", code.description());
      ArrayNode examples = c.putArray("examples");
      code.examples().forEach(examples::add);
      c.put("exclusive", code.isExclusive());
    }
    return node;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    }
    if (bytes.length > MAX_BODY) {
      throw new IllegalArgumentException("the request body is over " + MAX_BODY + " bytes");
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("the request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode error(String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", message);
    return node;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static void json(HttpExchange exchange, int status, JsonNode node) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(node));
  }

  private static void resource(HttpExchange exchange, String name, String type) throws IOException {
    try (InputStream in = ReviewServer.class.getResourceAsStream("review/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the page's " + name + " is missing from the build");
      }
      send(exchange, 200, type, in.readAllBytes());
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", type);
    headers.set("Content-Security-Policy", CSP);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
