package io.tracewire.instrumentation.opentelemetryapi;

/**
 * Names of the application's OpenTelemetry classes. They are written under {@code
 * application.io.opentelemetry}: the agent jar's build relocates the agent's own {@code
 * io.opentelemetry} to {@code io.tracewire.shaded.io.opentelemetry} and then renames {@code
 * application.io.opentelemetry} to {@code io.opentelemetry}, so in the agent these strings name the
 * application's classes (a plain {@code "io.opentelemetry..."} would name the agent's relocated ones).
 */
public final class ApplicationApi {

  public static final String GLOBAL_OPEN_TELEMETRY = "application.io.opentelemetry.api.GlobalOpenTelemetry";
  public static final String CONTEXT_STORAGE = "application.io.opentelemetry.context.ContextStorage";
  public static final String OPEN_TELEMETRY = "application.io.opentelemetry.api.OpenTelemetry";

  public static final String WITH_SPAN = "application.io.opentelemetry.instrumentation.annotations.WithSpan";
  public static final String SPAN_ATTRIBUTE =
      "application.io.opentelemetry.instrumentation.annotations.SpanAttribute";
  /** The annotations of {@code opentelemetry-extension-annotations} (API 1.0 to 1.x, deprecated). */
  public static final String LEGACY_WITH_SPAN = "application.io.opentelemetry.extension.annotations.WithSpan";
  public static final String LEGACY_SPAN_ATTRIBUTE =
      "application.io.opentelemetry.extension.annotations.SpanAttribute";

  /**
   * The class-file marker of both modules: every class they transform (the API's own, a class with
   * a {@code @WithSpan} method) has a descriptor naming a type of the package ({@code
   * Lio/opentelemetry/...}); an application without the API has no class that contains it, and
   * neither has the agent's relocated copy ({@code Lio/tracewire/shaded/io/opentelemetry/}). One
   * marker rather than four, since each marker is one more scan of every class file that loads.
   * Built at run time: the agent jar's build renames the package in constants, and {@code "L" +
   * ...} would be folded into one constant it does not recognize as a name.
   */
  public static final String MARKER = "L".concat("application/io/opentelemetry/");

  private ApplicationApi() {}
}
