package io.tracewire.testing.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The standard sequence on {@code HttpURLConnection}, each step with another mix of calls, as
 * applications mix them: {@code connect} first, {@code getOutputStream} on a GET (sent as a POST),
 * {@code getInputStream} that throws on 404 followed by {@code getResponseCode}, a failing {@code
 * connect}, and so on. Every request must still be exactly one span.
 */
public final class HttpUrlConnectionScenario extends HttpClientScenario {

  @Override
  protected int send(Step step, String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    headers.forEach(connection::setRequestProperty);
    if (timeoutMillis > 0) {
      connection.setReadTimeout(timeoutMillis);
    }
    switch (step) {
      case GET_OK -> {
        connection.connect();
        int status = connection.getResponseCode();
        connection.getHeaderField("Content-Type");
        drain(connection.getInputStream());
        return status;
      }
      case POST -> {
        // No setRequestMethod: writing a body turns the GET into a POST.
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        drain(connection.getInputStream());
        return status;
      }
      case NOT_FOUND -> {
        try {
          connection.getInputStream();
        } catch (IOException expected) {
          // FileNotFoundException; the status is still there
        }
        connection.getHeaderFields();
        return connection.getResponseCode();
      }
      case SERVER_ERROR -> {
        int status = connection.getResponseCode();
        drain(connection.getErrorStream());
        try {
          connection.getInputStream();
        } catch (IOException expected) {
          // "Server returned HTTP response code: 500"
        }
        return status;
      }
      case REFUSED -> {
        connection.connect();
        return -1;
      }
      default -> {
        int status = connection.getResponseCode();
        drain(connection.getInputStream());
        return status;
      }
    }
  }

  private static void drain(InputStream in) throws IOException {
    if (in != null) {
      try (in) {
        in.readAllBytes();
      }
    }
  }

  public static void main(String[] args) {
    run(new HttpUrlConnectionScenario(), args);
  }
}
