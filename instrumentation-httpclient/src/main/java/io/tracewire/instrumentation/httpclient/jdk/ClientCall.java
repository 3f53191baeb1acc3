package io.tracewire.instrumentation.httpclient.jdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.http.HttpRequest;

/** What a {@code send}/{@code sendAsync} interceptor hands from entry to exit. */
final class ClientCall {

  final Context parent;
  final Context context;
  final HttpRequest request;
  final Scope scope;

  ClientCall(Context parent, Context context, HttpRequest request, Scope scope) {
    this.parent = parent;
    this.context = context;
    this.request = request;
    this.scope = scope;
  }
}
