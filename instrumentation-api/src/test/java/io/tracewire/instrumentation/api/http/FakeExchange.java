package io.tracewire.instrumentation.api.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request or response of no particular library, for the getters of the tests. */
final class FakeExchange {

  String method = "GET";
  String url;
  String scheme = "http";
  String path = "/";
  String query;
  String route;
  String peerAddress;
  String localAddress;
  Integer localPort;
  String protocol;
  Integer status;
  final Map<String, List<String>> headers = new LinkedHashMap<>();

  FakeExchange header(String name, String value) {
    headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), n -> new ArrayList<>()).add(value);
    return this;
  }

  List<String> values(String name) {
    return headers.getOrDefault(name, Collections.emptyList());
  }

  static final HttpClientAttributesGetter<FakeExchange, FakeExchange> CLIENT =
      new HttpClientAttributesGetter<FakeExchange, FakeExchange>() {
        @Override
        public String method(FakeExchange request) {
          return request.method;
        }

        @Override
        public String url(FakeExchange request) {
          return request.url;
        }

        @Override
        public List<String> requestHeader(FakeExchange request, String name) {
          return request.values(name);
        }

        @Override
        public Integer statusCode(FakeExchange response) {
          return response.status;
        }

        @Override
        public List<String> responseHeader(FakeExchange response, String name) {
          return response.values(name);
        }

        @Override
        public String protocolVersion(FakeExchange request, FakeExchange response) {
          return response == null ? null : response.protocol;
        }
      };

  static final HttpServerAttributesGetter<FakeExchange, FakeExchange> SERVER =
      new HttpServerAttributesGetter<FakeExchange, FakeExchange>() {
        @Override
        public String method(FakeExchange request) {
          return request.method;
        }

        @Override
        public String scheme(FakeExchange request) {
          return request.scheme;
        }

        @Override
        public String path(FakeExchange request) {
          return request.path;
        }

        @Override
        public String query(FakeExchange request) {
          return request.query;
        }

        @Override
        public List<String> requestHeader(FakeExchange request, String name) {
          return request.values(name);
        }

        @Override
        public Iterable<String> requestHeaderNames(FakeExchange request) {
          return request.headers.keySet();
        }

        @Override
        public Integer statusCode(FakeExchange response) {
          return response.status;
        }

        @Override
        public List<String> responseHeader(FakeExchange response, String name) {
          return response.values(name);
        }

        @Override
        public String route(FakeExchange request) {
          return request.route;
        }

        @Override
        public String peerAddress(FakeExchange request) {
          return request.peerAddress;
        }

        @Override
        public String localAddress(FakeExchange request) {
          return request.localAddress;
        }

        @Override
        public Integer localPort(FakeExchange request) {
          return request.localPort;
        }

        @Override
        public String protocolVersion(FakeExchange request) {
          return request.protocol;
        }
      };
}
