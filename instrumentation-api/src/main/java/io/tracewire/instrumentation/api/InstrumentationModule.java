package io.tracewire.instrumentation.api;

import java.util.List;
import java.util.Set;

/**
 * One instrumentation: a library (or a family of libraries) the agent traces.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} in the agent's class loader;
 * list them in {@code META-INF/services/io.tracewire.instrumentation.api.InstrumentationModule}.
 * Each one can be switched with {@code otel.instrumentation.<name>.enabled}.
 */
public interface InstrumentationModule {

  /** The short name used in {@code otel.instrumentation.<name>.enabled}, e.g. {@code jdbc}. */
  String name();

  /** Whether the module runs when its {@code enabled} property is not set. */
  default boolean enabledByDefault() {
    return true;
  }

  /**
   * Binary names of types that matter from the first milliseconds of {@code main} (e.g. {@code
   * java.sql.Statement}). While the agent is still installing in the background, a class with one
   * of these names, or naming one directly as its superclass or an interface, is held back until
   * the transformer is ready, so its early calls are traced too. Must be cheap to answer.
   */
  default Set<String> earlyTypeNames(InstrumentationConfig config) {
    return Set.of();
  }

  /**
   * Text that every class this module transforms has in its class file, e.g. {@code java/sql/}
   * for JDBC (a statement class declares methods whose signatures name {@code java.sql} types), or
   * a class's own internal name. Before any class is parsed for matching, the agent checks its
   * bytes for the markers of all modules and lets a class that has none load untouched: matching
   * then costs almost nothing for the thousands of classes no module cares about. An empty set
   * means the module transforms nothing; {@code null} means it cannot tell, and turns this
   * pre-filter off for every module.
   */
  default Set<String> classFileMarkers(InstrumentationConfig config) {
    return null;
  }

  /**
   * The types this module transforms and what it does to them. Called once, on the agent's
   * installer thread, after the OpenTelemetry SDK is ready.
   */
  List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context);
}
