package io.tracewire.instrumentation.httpclient.urlconnection;

import java.net.HttpURLConnection;

/** A connection's request as it goes out: {@code getOutputStream} turns a GET into a POST. */
final class UrlConnectionRequest {

  final HttpURLConnection connection;
  final String method;

  UrlConnectionRequest(HttpURLConnection connection, String method) {
    this.connection = connection;
    this.method = method;
  }
}
