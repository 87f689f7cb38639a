package dev.insight.bank.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insight.bank.Bank;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.Programme;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankServerTest {
  @TempDir
  Path dir;

  private Bank bank;
  private BankServer server;

  /** A response read off the wire: the status line's code, the headers (names in lower case) and the body. */
  record Response(int statusCode, java.util.Map<String, String> headers, String body) {}

  static Programme caseStudy() throws IOException {
    try (InputStream in = BankServerTest.class.getResourceAsStream("/dev/insight/bank/case-study-programme.json")) {
      return ProgrammeJson.read(in, "case-study-programme.json");
    }
  }

  @BeforeEach
  void serve() throws IOException {
    try (Bank writer = Bank.open(dir.resolve("bank"), null)) {
      writer.add(caseStudy(), List.of(), false);
    }
    bank = Bank.openReadOnly(dir.resolve("bank"), null);
    server = BankServer.start(bank, 0, false);
  }

  @AfterEach
  void stop() {
    server.close();
    bank.close();
  }

  private Response get(String path, String... headers) throws IOException {
    StringBuilder extra = new StringBuilder();
    for (int i = 0; i < headers.length; i += 2) {
      extra.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    return raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n" + extra
        + "Connection: close\r\n\r\n");
  }

  /** Sends a request as written, so that tests can send what a browser would not (another Host). */
  private Response raw(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = answer.indexOf("\r\n\r\n");
      String[] head = answer.substring(0, split).split("\r\n");
      java.util.Map<String, String> fields = new java.util.HashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        fields.put(head[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT), head[i].substring(colon + 1).strip());
      }
      return new Response(Integer.parseInt(head[0].split(" ")[1]), fields, answer.substring(split + 4));
    }
  }

  @Test
  void api_search_answersJsonWithEveryHitsSourceBaseConsentAndRedaction() throws Exception {
    Response response = get("/api/search?q=carers%20alone&audience=older-people&kind=finding");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().get("content-type")).isEqualTo("application/json; charset=utf-8");
    JsonNode hit = new ObjectMapper().readTree(response.body()).get("hits").get(0);
    assertThat(hit.get("id").asText()).isEqualTo("F-lr-dementia");
    assertThat(hit.get("source").asText()).isEqualTo("Dementia voices (source study)");
    assertThat(hit.get("base").asText()).startsWith("depth interviews, 41 people");
    assertThat(hit.get("consent").asText()).isEqualTo("not applicable");
    assertThat(hit.get("redaction").asText()).isEqualTo("redacted: nothing found");
  }

  @Test
  void api_badParameter_answers400NamingIt() throws Exception {
    Response response = get("/api/search?q=x&from=yesterday");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"from must be a date such as 2022-09-05: yesterday\"}");
    assertThat(get("/api/search?colour=blue").body()).contains("unknown parameter \\\"colour\\\"");
  }

  @Test
  void page_rendersResultsOnTheServer_withLabelsAndNoOutsideResources() throws Exception {
    Response response = get("/?q=cost%20of%20living");

    assertThat(response.statusCode()).isEqualTo(200);
    String html = response.body();
    assertThat(html).contains("<form method=\"get\" action=\"/\" role=\"search\"")
        .contains("<label for=\"q\">Words</label><input id=\"q\" name=\"q\" type=\"search\" value=\"cost of living\">")
        .contains("The cost of living dominates").contains("<dt>Base</dt><dd>focus group of 6 participants</dd>");
    assertThat(html).doesNotContain("http://", "https://", "<script");
    assertThat(response.headers().get("content-security-policy")).isEqualTo("default-src 'none'; "
        + "style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  }

  @Test
  void page_escapesWhatItEchoes() throws Exception {
    String html = get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").body();

    assertThat(html).contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"").doesNotContain("<script>");
  }

  @Test
  void request_fromAnotherOrigin_isRefused() throws Exception {
    Response response = get("/api/search?q=carers", "Origin", "http://evil.example");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("refused: requests from another origin (http://evil.example) are not "
        + "accepted");
    assertThat(get("/api/search?q=carers", "Origin", "http://127.0.0.1:" + server.port()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void request_withAnotherHost_isRefused() throws Exception {
    Response response = raw("GET /api/search?q=carers HTTP/1.1\r\nHost: attacker.example:" + server.port()
        + "\r\nConnection: close\r\n\r\n");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("refused: this server answers only requests addressed to 127.0.0.1:"
        + server.port());
  }

  @Test
  void post_isRefused_theServerIsReadOnly() throws Exception {
    Response response = raw("POST /api/search HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
        + "\r\nContent-Length: 3\r\nConnection: close\r\n\r\nq=x");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().get("allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void server_listensOnLoopbackOnly() {
    assertThat(server.url()).startsWith("http://127.0.0.1:");
  }
}
