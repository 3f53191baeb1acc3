package io.tracewire.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RedactedUrlTest {

  @Test
  void credentialsAreRedacted() {
    assertEquals(
        "https://REDACTED:REDACTED@collector:4318/v1/traces",
        RedactedUrl.of("https://user:s3cret@collector:4318/v1/traces"));
    assertEquals("http://REDACTED:REDACTED@collector", RedactedUrl.of("http://token@collector"));
    // An '@' in the password itself.
    assertEquals("http://REDACTED:REDACTED@host/", RedactedUrl.of("http://u:p@ss@host/"));
  }

  @Test
  void everyQueryValueIsRedactedAndNamesStay() {
    assertEquals(
        "https://collector/v1/traces?X-Amz-Signature=REDACTED&sig=REDACTED&region=REDACTED",
        RedactedUrl.of("https://collector/v1/traces?X-Amz-Signature=abc&sig=def&region=eu"));
    assertEquals("http://collector/?REDACTED", RedactedUrl.of("http://collector/?bare-token"));
    assertEquals("http://collector/p#REDACTED", RedactedUrl.of("http://collector/p#frag"));
    assertEquals("http://collector?a=REDACTED#REDACTED", RedactedUrl.of("http://collector?a=1#x"));
  }

  @Test
  void plainUrlsAndMalformedTextKeepTheirShape() {
    assertEquals("http://localhost:4318/v1/traces", RedactedUrl.of("http://localhost:4318/v1/traces"));
    assertEquals("REDACTED:REDACTED@collector:4318", RedactedUrl.of("user:pw@collector:4318"));
    assertEquals("not a url", RedactedUrl.of("not a url"));
    assertEquals("", RedactedUrl.of(""));
    assertNull(RedactedUrl.of(null));
  }
}
