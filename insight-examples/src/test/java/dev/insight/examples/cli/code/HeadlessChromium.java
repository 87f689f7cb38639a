package dev.insight.examples.cli.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven through the DevTools protocol over the JDK's WebSocket client: enough to load a page,
 * press keys as a person would and read the page back. No browser-automation library needed.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /** The Chromium executable on the PATH (or in $CHROMIUM), if any. */
  static Optional<Path> find() {
    String given = System.getenv("CHROMIUM");
    if (given != null && Files.isExecutable(Path.of(given))) {
      return Optional.of(Path.of(given));
    }
    String path = System.getenv("PATH");
    for (String folder : (path == null ? "" : path).split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome", "chrome")) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  HeadlessChromium(Path executable, Path profile) throws Exception {
    process = new ProcessBuilder(executable.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
      if (System.nanoTime() > end || !process.isAlive()) {
        process.destroyForcibly();
        throw new IOException("Chromium did not start (see " + profile.resolveSibling("chromium.log") + ")");
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    HttpClient http = HttpClient.newHttpClient();
    String pageSocket = null;
    while (pageSocket == null) {
      JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
      for (JsonNode target : targets) {
        if (target.path("type").asText().equals("page")) {
          pageSocket = target.path("webSocketDebuggerUrl").asText();
        }
      }
      if (System.nanoTime() > end) {
        throw new IOException("Chromium has no page to drive");
      }
      Thread.sleep(50);
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).get(30, TimeUnit.SECONDS);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          CompletableFuture<JsonNode> waiting = pending.remove(message.path("id").asInt(-1));
          if (waiting != null) {
            waiting.complete(message);
          }
        } catch (IOException e) {
          // not a reply we wait for
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  /** Sends a DevTools command and waits for its result. */
  JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", params);
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode result = reply.get(30, TimeUnit.SECONDS);
    if (result.has("error")) {
      throw new IllegalStateException(method + ": " + result.path("error"));
    }
    return result.path("result");
  }

  void navigate(URI url) throws Exception {
    send("Page.navigate", JSON.createObjectNode().put("url", url.toString()));
  }

  /** The value of a JavaScript expression in the page, as text. */
  String evaluate(String expression) throws Exception {
    JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("returnByValue", true));
    return result.path("result").path("value").asText("");
  }

  /** Waits until an expression is true in the page. */
  void waitFor(String expression, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (!evaluate("Boolean(" + expression + ")").equals("true")) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the page never reached: " + expression);
      }
      Thread.sleep(50);
    }
  }

  /** Presses and releases a key, as the keyboard would. */
  void press(String key, int keyCode, String text) throws Exception {
    ObjectNode down = JSON.createObjectNode().put("type", "keyDown").put("key", key)
        .put("windowsVirtualKeyCode", keyCode);
    if (!text.isEmpty()) {
      down.put("text", text);
    }
    send("Input.dispatchKeyEvent", down);
    send("Input.dispatchKeyEvent", JSON.createObjectNode().put("type", "keyUp").put("key", key)
        .put("windowsVirtualKeyCode", keyCode));
  }

  @Override
  public void close() {
    socket.abort();
    // Chromium's helper processes (renderer, GPU, crash handler) outlive the browser process for a moment and keep
    // writing to the profile; end them all and wait, so the caller can delete the profile
    java.util.List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    helpers.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        try {
          helper.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          helper.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      helpers.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }
}
