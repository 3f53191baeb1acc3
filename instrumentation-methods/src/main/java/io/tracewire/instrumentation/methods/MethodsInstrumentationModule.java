package io.tracewire.instrumentation.methods;


import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.MethodMatcher;
import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spans around application methods named in configuration, with no code change:
 * {@code otel.instrumentation.methods.include=com.acme.Orders[place,cancel]}, as the OpenTelemetry
 * agent reads it. The classes are exact names (no subclasses).
 */
public final class MethodsInstrumentationModule implements InstrumentationModule {

  static final String INCLUDE = "otel.instrumentation.methods.include";

  @Override
  public String name() {
    return "methods";
  }

  @Override
  public Set<String> earlyTypeNames(InstrumentationConfig config) {
    // The configured classes are often loaded, and called, in the first moments of main.
    return MethodList.parse(config.getString(INCLUDE, null), bad -> {}).keySet();
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    Set<String> internalNames = new java.util.HashSet<>();
    for (String className : earlyTypeNames(config)) {
      internalNames.add(className.replace('.', '/'));
    }
    return internalNames;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    Map<String, List<String>> methods =
        MethodList.parse(
            context.config().getString(INCLUDE, null),
            bad ->
                context
                    .config()
                    .warnOnce(
                        INCLUDE,
                        "invalid entry '" + bad + "' in " + INCLUDE
                            + " (expected com.example.Class[method1,method2]); skipped"));
    List<TypeInstrumentation> types = new ArrayList<>();
    methods.forEach(
        (className, methodNames) -> {
          TypeInstrumentation.Builder type = TypeInstrumentation.forTypes(TypeMatcher.named(className));
          for (String method : methodNames) {
            type.intercept(
                MethodInterception.optional(
                    MethodMatcher.named(method), new MethodSpanInterceptor(context.tracer(), className, method)));
          }
          types.add(type.build());
        });
    return types;
  }
}
