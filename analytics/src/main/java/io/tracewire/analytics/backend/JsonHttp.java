package io.tracewire.analytics.backend;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GETs JSON from a backend and reads the body as a stream, so a page of any size is parsed without
 * being held in memory. Every failure becomes one {@link BackendException} that names the backend,
 * the URL and what went wrong.
 */
final class JsonHttp {

  /** Reads a response body; throws {@link IOException} for malformed JSON. */
  interface BodyReader<T> {
    T read(JsonParser parser) throws IOException;
  }

  private static final JsonFactory JSON = new JsonFactory();
  private static final int ERROR_BODY_CHARS = 300;

  private final String backend;
  private final URI base;
  private final Duration timeout;
  private final HttpClient client;

  JsonHttp(String backend, URI base, Duration timeout) {
    this.backend = backend;
    this.base = base;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  <T> T get(String pathAndQuery, BodyReader<T> reader) throws BackendException {
    URI uri = base.resolve(pathAndQuery);
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
    HttpResponse<InputStream> response = send(uri, request);
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new BackendException(
            backend + " answered HTTP " + response.statusCode() + " to GET " + uri + errorBody(body));
      }
      try (JsonParser parser = JSON.createParser(body)) {
        return reader.read(parser);
      }
    } catch (JsonProcessingException | MalformedJsonException e) {
      throw new BackendException("malformed JSON from " + backend + " (GET " + uri + "): " + shortMessage(e), e);
    } catch (IOException e) {
      throw new BackendException("lost the connection to " + backend + " while reading " + uri + ": " + e, e);
    }
  }

  private HttpResponse<InputStream> send(URI uri, HttpRequest request) throws BackendException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new BackendException("cannot reach " + backend + " at " + base + " (" + reason(e) + ")", e);
    } catch (HttpTimeoutException e) {
      throw new BackendException(
          backend + " did not answer GET " + uri + " within " + timeout.toSeconds() + " s", e);
    } catch (IOException e) {
      throw new BackendException("cannot reach " + backend + " at " + base + " (" + reason(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while asking " + backend + " for " + uri, e);
    }
  }

  private static String errorBody(InputStream body) throws IOException {
    byte[] start = body.readNBytes(ERROR_BODY_CHARS);
    String text = new String(start, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    return text.isEmpty() ? "" : ": " + text;
  }

  private static String reason(IOException e) {
    String message = null;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return "connection refused";
      }
      if (cause instanceof java.net.UnknownHostException || cause instanceof java.nio.channels.UnresolvedAddressException) {
        return "unknown host";
      }
      if (message == null && cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    return message != null ? message : e.getClass().getSimpleName();
  }

  private static String shortMessage(IOException e) {
    String message = e.getMessage();
    if (e instanceof JsonProcessingException) {
      JsonProcessingException json = (JsonProcessingException) e;
      message = json.getOriginalMessage();
      if (json.getLocation() != null) {
        message += " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
      }
    }
    return String.valueOf(message).replaceAll("\\s+", " ");
  }
}
