package io.tracewire.instrumentation.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UrlRedactionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // credentials
        "https://user:pass@example.com/a|https://REDACTED:REDACTED@example.com/a",
        "https://token@example.com|https://REDACTED:REDACTED@example.com",
        "http://u:p@[::1]:8080/x?y=1|http://REDACTED:REDACTED@[::1]:8080/x?y=1",
        "https://a:b@c@host.example/|https://REDACTED:REDACTED@host.example/",
        "https://:@host/|https://REDACTED:REDACTED@host/",
        "//user:pw@host/path|//REDACTED:REDACTED@host/path",
        "HTTPS://User:Pw@Example.COM|HTTPS://REDACTED:REDACTED@Example.COM",
        "ftp+ssh://me:pw@host|ftp+ssh://REDACTED:REDACTED@host",
        // an @ outside the authority is no credential
        "https://example.com/users/me@example.com|https://example.com/users/me@example.com",
        "https://example.com?email=a@b.c|https://example.com?email=a@b.c",
        "https://example.com#frag@x|https://example.com#frag@x",
        "mailto:someone@example.com|mailto:someone@example.com",
        "/relative/a@b|/relative/a@b",
        // signature query values
        "https://s3.example/o?X-Amz-Signature=abc&X-Amz-Credential=k%2F1&x=1|https://s3.example/o?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&x=1",
        "https://h/p?AWSAccessKeyId=AK&Signature=s&Expires=1|https://h/p?AWSAccessKeyId=REDACTED&Signature=REDACTED&Expires=1",
        "https://h/p?sig=abc|https://h/p?sig=REDACTED",
        "https://h/p?a=1&sig=abc#top|https://h/p?a=1&sig=REDACTED#top",
        "https://h/p?X-Goog-Signature=g&X-Amz-Security-Token=t|https://h/p?X-Goog-Signature=REDACTED&X-Amz-Security-Token=REDACTED",
        "https://h/p?sig=|https://h/p?sig=REDACTED",
        "https://h/p?sig=a&sig=b|https://h/p?sig=REDACTED&sig=REDACTED",
        "https://u:p@h/p?sig=a|https://REDACTED:REDACTED@h/p?sig=REDACTED",
        // names match exactly and case-sensitively
        "https://h/p?signature=a&mysig=b&sigx=c|https://h/p?signature=a&mysig=b&sigx=c",
        "https://h/p?q=sig%3Dabc|https://h/p?q=sig%3Dabc",
        "https://h/p?sig|https://h/p?sig",
        "https://h/p?&&sig=x&&|https://h/p?&&sig=REDACTED&&",
        // a ? inside the fragment is not a query
        "https://h/p#a?sig=x|https://h/p#a?sig=x",
        // no scheme
        "example.com/p?sig=x|example.com/p?sig=REDACTED",
        "?sig=1|?sig=REDACTED",
        // odd input comes back
        "://@|://@",
        "https://|https://",
        "@|@",
        "?|?",
        "http://[::1|http://[::1",
      })
  void redactsUrls(String url, String expected) {
    assertEquals(expected, UrlRedaction.redactUrl(url));
  }

  @Test
  void leavesCleanUrlsAlone() {
    String url = "https://example.com/search?q=1&page=2#x";
    assertSame(url, UrlRedaction.redactUrl(url));
  }

  @Test
  void nullAndEmpty() {
    assertNull(UrlRedaction.redactUrl(null));
    assertNull(UrlRedaction.redactQuery(null));
    assertEquals("", UrlRedaction.redactUrl(""));
    assertEquals("", UrlRedaction.redactQuery(""));
  }

  @Test
  void redactsQueries() {
    assertEquals("q=1&sig=REDACTED", UrlRedaction.redactQuery("q=1&sig=secret"));
    assertEquals("Signature=REDACTED", UrlRedaction.redactQuery("Signature=abc%3D%3D"));
    String clean = "q=signature";
    assertSame(clean, UrlRedaction.redactQuery(clean));
  }

  @Test
  void redactsUrlsInsideText() {
    assertEquals(
        "Server returned HTTP response code: 500 for URL: http://REDACTED:REDACTED@h:1/p?sig=REDACTED",
        UrlRedaction.redactUrlsInText(
            "Server returned HTTP response code: 500 for URL: http://me:pw@h:1/p?sig=abc"));
    assertEquals(
        "refused \"https://REDACTED:REDACTED@a/\" and https://b/ok",
        UrlRedaction.redactUrlsInText("refused \"https://x:y@a/\" and https://b/ok"));
    String plain = "Connection refused";
    assertSame(plain, UrlRedaction.redactUrlsInText(plain));
    assertEquals("://", UrlRedaction.redactUrlsInText("://"));
    assertNull(UrlRedaction.redactUrlsInText(null));
  }

  @Test
  void neverThrowsOnArbitraryInput() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "ab:/?#@&=[]%sigSignature \\";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      UrlRedaction.redactUrl(text.toString());
      UrlRedaction.redactUrlsInText(text.toString());
      HostAndPort.fromUrl(text.toString());
      HostAndPort.fromHostHeader(text.toString(), "https");
    }
  }
}
