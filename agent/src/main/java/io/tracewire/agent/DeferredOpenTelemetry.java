package io.tracewire.agent;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The agent's OpenTelemetry as modules see it while the SDK is still being built on its own
 * thread, in parallel with the transformer. The first span of the process may wait for the SDK
 * (it is usually ready long before the transformer); a failed SDK means no-op spans.
 */
final class DeferredOpenTelemetry implements OpenTelemetry {

  private static final long MAX_WAIT_SECONDS = 10;

  private final CompletableFuture<? extends OpenTelemetry> sdk;
  private volatile OpenTelemetry resolved;

  DeferredOpenTelemetry(CompletableFuture<? extends OpenTelemetry> sdk) {
    this.sdk = sdk;
  }

  OpenTelemetry resolve() {
    OpenTelemetry ready = resolved;
    if (ready == null) {
      try {
        ready = sdk.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return OpenTelemetry.noop();
      } catch (java.util.concurrent.TimeoutException e) {
        // Still building: this span is dropped, a later one may find the SDK ready.
        return OpenTelemetry.noop();
      } catch (Exception e) {
        ready = OpenTelemetry.noop();
      }
      resolved = ready;
    }
    return ready;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return new TracerProvider() {
      @Override
      public Tracer get(String name) {
        return tracer(name, null);
      }

      @Override
      public Tracer get(String name, String version) {
        return tracer(name, version);
      }
    };
  }

  @Override
  public Tracer getTracer(String name, String version) {
    return tracer(name, version);
  }

  private Tracer tracer(String name, String version) {
    return new Tracer() {
      private volatile Tracer delegate;

      @Override
      public SpanBuilder spanBuilder(String spanName) {
        Tracer ready = delegate;
        if (ready == null) {
          ready =
              version == null
                  ? resolve().getTracer(name)
                  : resolve().getTracer(name, version);
          delegate = ready;
        }
        return ready.spanBuilder(spanName);
      }
    };
  }

  @Override
  public ContextPropagators getPropagators() {
    return () -> propagator;
  }

  private final TextMapPropagator propagator =
      new TextMapPropagator() {
        @Override
        public java.util.Collection<String> fields() {
          return resolve().getPropagators().getTextMapPropagator().fields();
        }

        @Override
        public <C> void inject(
            io.opentelemetry.context.Context context,
            C carrier,
            io.opentelemetry.context.propagation.TextMapSetter<C> setter) {
          resolve().getPropagators().getTextMapPropagator().inject(context, carrier, setter);
        }

        @Override
        public <C> io.opentelemetry.context.Context extract(
            io.opentelemetry.context.Context context,
            C carrier,
            io.opentelemetry.context.propagation.TextMapGetter<C> getter) {
          return resolve().getPropagators().getTextMapPropagator().extract(context, carrier, getter);
        }
      };
}
