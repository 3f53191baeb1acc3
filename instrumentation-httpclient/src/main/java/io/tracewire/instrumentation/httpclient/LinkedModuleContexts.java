package io.tracewire.instrumentation.httpclient;

import io.tracewire.instrumentation.api.InstrumentationContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a module's context to its linked classes: those are defined once per application loader
 * and made by a no-argument constructor, so they look it up here, in the agent's loader, by the
 * module's name.
 */
public final class LinkedModuleContexts {

  private static final Map<String, InstrumentationContext> CONTEXTS = new ConcurrentHashMap<>();

  private LinkedModuleContexts() {}

  /** Called by the module when it builds its instrumentations, before any class is woven. */
  public static void register(String moduleName, InstrumentationContext context) {
    CONTEXTS.put(moduleName, context);
  }

  public static InstrumentationContext get(String moduleName) {
    InstrumentationContext context = CONTEXTS.get(moduleName);
    if (context == null) {
      throw new IllegalStateException("module " + moduleName + " is not set up");
    }
    return context;
  }
}
