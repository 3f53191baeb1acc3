package io.tracewire.instrumentation.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small parsers behind the attributes: host and port, protocol version, methods, Forwarded. */
class HttpParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "http://example.com/a|example.com|80",
        "https://example.com|example.com|443",
        "https://example.com:8443/a?b#c|example.com|8443",
        "http://user:pw@host:81/|host|81",
        "http://[::1]:8080/x|::1|8080",
        "https://[2001:db8::1]/|2001:db8::1|443",
        "HTTP://Host.Example|Host.Example|80",
        "//host:9/p|host|9",
        "//host/p|host|null",
        "ftp://host/p|host|null",
        "http://host:99999/|host|null",
        "http://host:abc/|host|null",
        "http://host:/|host|80",
        "http:///path|null|null",
        "/relative|null|null",
        "example.com:80|null|null",
        "http://[::1|null|null",
      })
  void hostAndPortFromUrl(String url, String host, Integer port) {
    HostAndPort parsed = HostAndPort.fromUrl(url);
    assertEquals(host, parsed.host());
    assertEquals(port, parsed.port());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "example.com|http|example.com|80",
        "example.com:8080|https|example.com|8080",
        "example.com|https|example.com|443",
        "[::1]:9000|http|::1|9000",
        "[::1]|https|::1|443",
        "' host:7 '|http|host|7",
        "''|http|null|null",
        "host|null|host|null",
      })
  void hostAndPortFromHostHeader(String header, String scheme, String host, Integer port) {
    HostAndPort parsed = HostAndPort.fromHostHeader(header, scheme);
    assertEquals(host, parsed.host());
    assertEquals(port, parsed.port());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      nullValues = "null",
      value = {
        "HTTP/1.1, 1.1",
        "HTTP/1.0, 1.0",
        "http/1.1, 1.1",
        "HTTP/2.0, 2",
        "HTTP/2, 2",
        "HTTP_1_1, 1.1",
        "HTTP_2, 2",
        "h2, 2",
        "h2_prior_knowledge, 2",
        "h3, 3",
        "2.0, 2",
        "1.1, 1.1",
        "'', null",
        "spdy/3.1, null",
        "null, null",
      })
  void protocolVersions(String reported, String expected) {
    assertEquals(expected, HttpProtocolVersion.normalize(reported));
  }

  @Test
  void knownMethodsAreCaseSensitive() {
    HttpMethods methods = HttpMethods.defaults();
    for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}) {
      assertEquals(method, methods.normalize(method));
    }
    assertEquals("_OTHER", methods.normalize("get"));
    assertEquals("_OTHER", methods.normalize("PROPFIND"));
    assertEquals("_OTHER", methods.normalize(null));
  }

  @Test
  void knownMethodsCanBeReplaced() {
    FakeInstrumentationContext context =
        new FakeInstrumentationContext().with("otel.instrumentation.http.known-methods", "GET,PROPFIND");
    HttpMethods methods = HttpMethods.fromConfig(context.config());
    assertTrue(methods.isKnown("PROPFIND"));
    assertFalse(methods.isKnown("POST"));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "for=192.0.2.60;proto=http;by=203.0.113.43|null|192.0.2.60",
        "For=\"[2001:db8:cafe::17]:4711\"|null|2001:db8:cafe::17",
        "for=192.0.2.43:80, for=198.51.100.17|null|192.0.2.43",
        "proto=https;for=10.0.0.1|null|10.0.0.1",
        "for=_hidden|10.1.1.1|10.1.1.1",
        "for=unknown|null|null",
        "by=1.2.3.4|203.0.113.195, 70.41.3.18|203.0.113.195",
        "null|2001:db8::1|2001:db8::1",
        "null|' '|null",
        "null|null|null",
      })
  void clientAddressBehindProxies(String forwarded, String xForwardedFor, String expected) {
    assertEquals(expected, ForwardedClient.address(forwarded, xForwardedFor));
  }
}
