package io.tracewire.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostLookupTest {

  @Test
  void aHangingResolverCostsTheCallerOnlyItsTimeout() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger lookups = new AtomicInteger();
    HostLookup lookup =
        new HostLookup(
            "collector.internal",
            host -> {
              lookups.incrementAndGet();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new UnknownHostException(host);
            });
    long started = System.nanoTime();
    SocketTimeoutException timedOut = assertThrows(SocketTimeoutException.class, () -> lookup.resolve(200));
    long waited = (System.nanoTime() - started) / 1_000_000;
    assertTrue(waited < 2000, "waited " + waited + " ms");
    assertEquals("collector.internal not resolved within 200 ms", timedOut.getMessage());
    // A second export waits for the same lookup rather than starting another.
    assertThrows(SocketTimeoutException.class, () -> lookup.resolve(50));
    assertEquals(1, lookups.get());
    never.countDown();
  }

  @Test
  void resolvedNamesAndFailuresReachTheCaller() throws Exception {
    assertEquals(
        InetAddress.getLoopbackAddress(),
        new HostLookup("collector", host -> InetAddress.getLoopbackAddress()).resolve(5000));
    assertThrows(
        UnknownHostException.class,
        () -> new HostLookup("nowhere", host -> { throw new UnknownHostException(host); }).resolve(5000));
  }
}
