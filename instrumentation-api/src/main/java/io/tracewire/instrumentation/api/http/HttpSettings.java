package io.tracewire.instrumentation.api.http;

import io.opentelemetry.api.trace.Tracer;
import io.tracewire.instrumentation.api.ContextPropagation;
import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;

/** What the client and the server telemetry read once from the module's context and config. */
final class HttpSettings {

  final Tracer tracer;
  final ContextPropagation propagation;
  final HttpMethods methods;
  final HttpHeaderCapture requestHeaders;
  final HttpHeaderCapture responseHeaders;
  final boolean emitOldNames;

  /** {@code side} is {@code client} or {@code server}, as in the header-capture property names. */
  HttpSettings(InstrumentationContext context, String side) {
    InstrumentationConfig config = context.config();
    String prefix = "otel.instrumentation.http." + side + ".";
    this.tracer = context.tracer();
    this.propagation = context.propagation();
    this.methods = HttpMethods.fromConfig(config);
    this.requestHeaders =
        HttpHeaderCapture.requestHeaders(config, prefix + "capture-request-headers");
    this.responseHeaders =
        HttpHeaderCapture.responseHeaders(config, prefix + "capture-response-headers");
    this.emitOldNames = config.semconvOptIn("http/dup");
  }
}
