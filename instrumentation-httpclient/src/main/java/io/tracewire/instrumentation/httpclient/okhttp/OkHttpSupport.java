package io.tracewire.instrumentation.httpclient.okhttp;

import io.opentelemetry.context.Context;
import io.tracewire.instrumentation.api.WeakIdentityMap;

/**
 * What the linked OkHttp classes (one copy per application loader) share through the agent's
 * loader: the caller's context of each enqueued call, until the dispatcher thread runs it.
 */
public final class OkHttpSupport {

  private static final WeakIdentityMap<Object, Context> ENQUEUED = new WeakIdentityMap<>();

  private OkHttpSupport() {}

  /** Remembers the context {@code call} was enqueued in. */
  public static void enqueued(Object call, Context caller) {
    ENQUEUED.put(call, caller);
  }

  /** The context {@code call} was enqueued in, once; {@code null} for a call run by {@code execute}. */
  public static Context takeEnqueued(Object call) {
    Context caller = ENQUEUED.get(call);
    if (caller != null) {
      ENQUEUED.remove(call);
    }
    return caller;
  }
}
