package io.tracewire.instrumentation.httpclient.apache.linked;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/** A request and the host it goes to (a request may carry only its path). */
final class ApacheRequest {

  final HttpHost target;
  final HttpRequest request;

  ApacheRequest(HttpHost target, HttpRequest request) {
    this.target = target;
    this.request = request;
  }
}
