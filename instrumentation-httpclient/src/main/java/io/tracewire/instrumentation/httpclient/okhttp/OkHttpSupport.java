package io.tracewire.instrumentation.httpclient.okhttp;

import io.opentelemetry.context.Context;
import io.tracewire.instrumentation.api.ObjectField;

/**
 * What the linked OkHttp classes (one copy per application loader) share through the agent's
 * loader: the caller's context of each enqueued call, until the dispatcher thread runs it.
 */
public final class OkHttpSupport {

  /** On the call itself: a field the agent adds to {@code RealCall} (a weak map if it loaded first). */
  private static final ObjectField<Context> ENQUEUED = ObjectField.create();

  private OkHttpSupport() {}

  /** Remembers the context {@code call} was enqueued in. */
  public static void enqueued(Object call, Context caller) {
    ENQUEUED.set(call, caller);
  }

  /** The context {@code call} was enqueued in, once; {@code null} for a call run by {@code execute}. */
  public static Context takeEnqueued(Object call) {
    Context caller = ENQUEUED.get(call);
    if (caller != null) {
      ENQUEUED.set(call, null);
    }
    return caller;
  }
}
