package io.tracewire.exporter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves the collector's name on a thread of its own, so that the exporting thread waits for it
 * no longer than the request may take: a resolver that hangs costs one export, never the
 * exporting thread. One lookup runs at a time; a caller finding one under way waits for it.
 */
final class HostLookup {

  /** Resolves a name; {@link InetAddress#getByName} outside tests. */
  interface Resolver {
    InetAddress resolve(String host) throws UnknownHostException;
  }

  private final String host;
  private final Resolver resolver;
  private CompletableFuture<InetAddress> lookup;

  HostLookup(String host) {
    this(host, InetAddress::getByName);
  }

  HostLookup(String host, Resolver resolver) {
    this.host = host;
    this.resolver = resolver;
  }

  /**
   * @throws SocketTimeoutException when the name is not resolved within {@code timeoutMillis}
   * @throws UnknownHostException when it cannot be resolved
   */
  InetAddress resolve(long timeoutMillis) throws IOException {
    CompletableFuture<InetAddress> current = currentLookup();
    try {
      return current.get(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new SocketTimeoutException(host + " not resolved within " + timeoutMillis + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      throw new UnknownHostException(host + ": " + cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while resolving " + host, e);
    }
  }

  private synchronized CompletableFuture<InetAddress> currentLookup() {
    // A finished lookup is not kept: the JDK caches answers itself, and a failure may pass.
    if (lookup == null || lookup.isDone()) {
      CompletableFuture<InetAddress> started = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  started.complete(resolver.resolve(host));
                } catch (Throwable e) {
                  started.completeExceptionally(e);
                }
              },
              "tracewire-dns");
      thread.setDaemon(true);
      thread.start();
      lookup = started;
    }
    return lookup;
  }
}
