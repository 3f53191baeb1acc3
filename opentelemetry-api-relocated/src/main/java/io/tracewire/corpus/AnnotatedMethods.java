package io.tracewire.corpus;

import io.opentelemetry.api.trace.SpanKind;
import java.util.concurrent.CompletableFuture;

/**
 * A class of the kind the agent's {@code @WithSpan} instrumentation weaves, renamed with the API:
 * the agent's module-agreement test reads it from this jar (no library on Maven Central has
 * annotated methods of its own). Never shipped.
 */
public class AnnotatedMethods {

  @io.opentelemetry.instrumentation.annotations.WithSpan(kind = SpanKind.CLIENT)
  public String current(@io.opentelemetry.instrumentation.annotations.SpanAttribute("id") String id) {
    return id;
  }

  @io.opentelemetry.extension.annotations.WithSpan("legacy")
  public CompletableFuture<String> legacy() {
    return CompletableFuture.completedFuture("legacy");
  }
}
