package io.tracewire.agent;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * The agent's OpenTelemetry as modules see it while the SDK is still being built on its own
 * thread, in parallel with the transformer.
 *
 * <p>No application thread ever waits for the SDK here: until it is ready a span is a no-op and a
 * propagator injects nothing and extracts nothing, and each tracer looks again at its next span,
 * so a late SDK is picked up as soon as it arrives. Only the installer waits for it, bounded
 * ({@link #awaitSdk}), before it lets the classes held back at start-up load, so a program's
 * first spans normally find the SDK there. A failed SDK means no-op spans for good.
 */
final class DeferredOpenTelemetry implements OpenTelemetry {

  private final Promise<? extends OpenTelemetry> sdk;
  private volatile OpenTelemetry resolved;

  DeferredOpenTelemetry(Promise<? extends OpenTelemetry> sdk) {
    this.sdk = sdk;
  }

  /** The SDK (or the no-op if it failed) once it is there, else null. Never waits. */
  OpenTelemetry current() {
    OpenTelemetry ready = resolved;
    if (ready == null && sdk.isDone()) {
      ready = sdk.isFailed() ? OpenTelemetry.noop() : sdk.getNow();
      resolved = ready;
    }
    return ready;
  }

  /** Waits at most that long for the SDK; true when it is there. */
  boolean awaitSdk(long timeout, TimeUnit unit) {
    // Still building, or failed: either way the caller goes on.
    sdk.await(timeout, unit);
    return current() != null;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return new TracerProvider() {
      @Override
      public Tracer get(String name) {
        return new DeferredTracer(name, null);
      }

      @Override
      public Tracer get(String name, String version) {
        return new DeferredTracer(name, version);
      }
    };
  }

  @Override
  public Tracer getTracer(String name, String version) {
    return new DeferredTracer(name, version);
  }

  /** Binds to the SDK's tracer at the first span that finds the SDK ready. */
  private final class DeferredTracer implements Tracer {
    private final String name;
    private final String version;
    private volatile Tracer delegate;

    DeferredTracer(String name, String version) {
      this.name = name;
      this.version = version;
    }

    @Override
    public SpanBuilder spanBuilder(String spanName) {
      Tracer ready = delegate();
      return ready == null
          ? OpenTelemetry.noop().getTracer(name).spanBuilder(spanName)
          : ready.spanBuilder(spanName);
    }

    /**
     * False until the SDK is there, and whenever its tracer would hand out no-op spans (no span
     * processor, as with {@code otel.traces.exporter=none}): callers may then skip the span's work.
     */
    @Override
    public boolean isEnabled() {
      Tracer ready = delegate();
      return ready != null && ready.isEnabled();
    }

    private Tracer delegate() {
      Tracer ready = delegate;
      if (ready == null) {
        OpenTelemetry openTelemetry = current();
        if (openTelemetry == null) {
          return null;
        }
        ready = version == null ? openTelemetry.getTracer(name) : openTelemetry.getTracer(name, version);
        delegate = ready;
      }
      return ready;
    }
  }

  @Override
  public ContextPropagators getPropagators() {
    return () -> propagator;
  }

  private TextMapPropagator currentPropagator() {
    OpenTelemetry ready = current();
    return ready == null ? TextMapPropagator.noop() : ready.getPropagators().getTextMapPropagator();
  }

  private final TextMapPropagator propagator =
      new TextMapPropagator() {
        @Override
        public Collection<String> fields() {
          return currentPropagator().fields();
        }

        @Override
        public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
          currentPropagator().inject(context, carrier, setter);
        }

        @Override
        public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
          return currentPropagator().extract(context, carrier, getter);
        }
      };
}
