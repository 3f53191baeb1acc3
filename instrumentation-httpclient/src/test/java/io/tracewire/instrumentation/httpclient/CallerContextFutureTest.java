package io.tracewire.instrumentation.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CallerContextFutureTest {

  private static final ContextKey<String> WHO = ContextKey.named("who");

  @Test
  void stagesChainedByTheCallerRunInTheCallersContextAfterTheOutcomeIsRecorded() throws Exception {
    CompletableFuture<String> library = new CompletableFuture<>();
    Context caller = Context.root().with(WHO, "caller");
    List<String> events = new CopyOnWriteArrayList<>();
    CompletableFuture<String> wrapped =
        CallerContextFuture.wrap(library, caller, (value, error) -> events.add("outcome " + value));
    CompletableFuture<String> chained =
        wrapped.thenApply(
            value -> {
              events.add("stage in " + Context.current().get(WHO));
              return value + "!";
            });

    Thread completer = new Thread(() -> library.complete("ok"));
    completer.start();
    completer.join();

    assertEquals("ok!", chained.get());
    assertEquals(List.of("outcome ok", "stage in caller"), events);
  }

  @Test
  void failuresReachTheCallerAsTheLibraryReportedThem() {
    CompletableFuture<String> library = new CompletableFuture<>();
    List<Throwable> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<String> wrapped =
        CallerContextFuture.wrap(library, Context.root(), (value, error) -> seen.add(error));
    IOException failure = new IOException("refused");
    library.completeExceptionally(failure);

    ExecutionException thrown = assertThrows(ExecutionException.class, wrapped::get);
    assertSame(failure, thrown.getCause());
    assertEquals(List.of(failure), seen);
  }

  @Test
  void cancellingTheCallersFutureCancelsTheLibrarys() {
    CompletableFuture<String> library = new CompletableFuture<>();
    CompletableFuture<String> wrapped =
        CallerContextFuture.wrap(library, Context.root(), (value, error) -> {});
    assertTrue(wrapped.cancel(true));
    assertTrue(library.isCancelled());
    assertTrue(wrapped.isCancelled());
  }

  @Test
  void aFailingOutcomeRecorderDoesNotChangeTheResult() throws Exception {
    CompletableFuture<String> library = new CompletableFuture<>();
    CompletableFuture<String> wrapped =
        CallerContextFuture.wrap(
            library,
            Context.root(),
            (value, error) -> {
              throw new IllegalStateException("telemetry broke");
            });
    try (Scope ignored = Context.root().with(WHO, "elsewhere").makeCurrent()) {
      library.complete("ok");
    }
    assertEquals("ok", wrapped.get());
  }
}
