package io.tracewire.instrumentation.httpclient.jdk;

import io.opentelemetry.context.Context;
import java.net.http.HttpRequest;

/** What a {@code send}/{@code sendAsync} interceptor hands from entry to exit. */
final class ClientCall {

  final Context parent;
  final Context context;
  final HttpRequest request;
  /** This thread's "in a call" flag, cleared when the call returns. */
  final boolean[] inCall;

  ClientCall(Context parent, Context context, HttpRequest request, boolean[] inCall) {
    this.parent = parent;
    this.context = context;
    this.request = request;
    this.inCall = inCall;
  }
}
