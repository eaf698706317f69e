package dev.smelter.video.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests, talking to a server on 127.0.0.1. */
final class Http {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final String apiKey;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Http(int port) {
    this(port, "");
  }

  /** A client that sends {@code X-Api-Key} (when not empty) with every request. */
  Http(int port, String apiKey) {
    this.base = "http://127.0.0.1:" + port;
    this.apiKey = apiKey;
  }

  Http withKey(String key) {
    return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), key);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    return apiKey.isEmpty() ? b : b.header("X-Api-Key", apiKey);
  }

  String base() {
    return base;
  }

  /** A POST whose body length is not announced (Transfer-Encoding: chunked). */
  HttpResponse<String> postChunked(String path, String json) throws IOException, InterruptedException {
    byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return client.send(request(path).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(request(path).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path).timeout(Duration.ofSeconds(60)).GET();
    if (headers.length > 0) b.headers(headers);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return client.send(request(path).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A POST with the given {@code Content-Type}. */
  HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
    return client.send(request(path).timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return client.send(request(path).timeout(Duration.ofSeconds(60)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A multipart/form-data POST with one file under the field {@code field}. */
  HttpResponse<String> upload(String path, String field, String filename, byte[] content) throws IOException, InterruptedException {
    String boundary = "----smelter" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return client.send(request(path).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  /**
   * Follows the job's server-sent events until one matches {@code until}; returns that job document.
   * Bounded by {@code timeout}: the stream is read on a virtual thread and abandoned when time is up.
   */
  JsonNode awaitJob(String jobId, java.util.function.Predicate<JsonNode> until, Duration timeout) throws Exception {
    CompletableFuture<JsonNode> found = new CompletableFuture<>();
    HttpRequest req = request("/jobs/" + jobId + "/events").GET().build();
    CompletableFuture<HttpResponse<java.io.InputStream>> response = client.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream());
    Thread reader = Thread.ofVirtual().start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(response.get().body(), StandardCharsets.UTF_8))) {
        String line;
        JsonNode last = null;
        while ((line = in.readLine()) != null) {
          if (!line.startsWith("data:")) continue;
          last = JSON.readTree(line.substring(5));
          if (until.test(last)) {
            found.complete(last);
            return;
          }
        }
        found.completeExceptionally(new AssertionError("event stream ended; last event: " + last));
      } catch (Exception e) {
        found.completeExceptionally(e);
      }
    });
    try {
      return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      reader.interrupt();
      response.cancel(true);
    }
  }

  JsonNode awaitTerminal(String jobId, Duration timeout) throws Exception {
    return awaitJob(jobId, j -> j.get("status").asString().matches("completed|failed|cancelled"), timeout);
  }
}
