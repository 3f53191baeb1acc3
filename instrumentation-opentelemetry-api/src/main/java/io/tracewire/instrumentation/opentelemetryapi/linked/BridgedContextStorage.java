package io.tracewire.instrumentation.opentelemetryapi.linked;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextStorage;
import application.io.opentelemetry.context.Scope;

/**
 * The application's context storage, kept in the agent's: attaching an application context
 * attaches its agent counterpart, and the current application context is a view of the agent's
 * current one. So there is one current context per thread, whichever API made it.
 */
final class BridgedContextStorage implements ContextStorage {

  static final BridgedContextStorage INSTANCE = new BridgedContextStorage();

  private static final io.opentelemetry.context.Context AGENT_ROOT = io.opentelemetry.context.Context.root();
  private static final Context ROOT = new BridgedContext(AGENT_ROOT);

  private BridgedContextStorage() {}

  @Override
  public Scope attach(Context toAttach) {
    if (toAttach == null) {
      return Scope.noop();
    }
    io.opentelemetry.context.Scope scope = Bridging.toAgent(toAttach).makeCurrent();
    return scope::close;
  }

  @Override
  public Context current() {
    io.opentelemetry.context.Context current = io.opentelemetry.context.Context.current();
    // The same object as the root while nothing is current, as the API's own storage does it.
    return current == AGENT_ROOT ? ROOT : new BridgedContext(current);
  }

  /** Newer API versions ask the storage for the root ({@code Context.root()}); 1.0 has its own. */
  @Override
  public Context root() {
    return ROOT;
  }
}
