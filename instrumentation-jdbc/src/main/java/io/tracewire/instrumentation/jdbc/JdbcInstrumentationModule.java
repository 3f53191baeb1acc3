package io.tracewire.instrumentation.jdbc;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isPublic;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.namedOneOf;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArgument;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.declaresMethod;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.isInterface;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.isSubtypeOf;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.not;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.SpanErrors;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import java.util.List;
import java.util.Set;

/**
 * Every JDBC driver, matched by interface: a client span per {@code Statement},
 * {@code PreparedStatement} and {@code CallableStatement} execution and per batch.
 */
public final class JdbcInstrumentationModule implements InstrumentationModule {

  static final String SANITIZE = "otel.instrumentation.common.db.query-sanitization.enabled";
  static final String SANITIZE_OLD_NAME =
      "otel.instrumentation.common.db-statement-sanitizer.enabled";

  private static final String[] CONNECTION_METHODS = {
    "prepareStatement", "prepareCall", "createStatement"
  };
  private static final String[] STATEMENT_METHODS = {
    "execute",
    "executeQuery",
    "executeUpdate",
    "executeLargeUpdate",
    "addBatch",
    "clearBatch",
    "executeBatch",
    "executeLargeBatch"
  };

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public Set<String> earlyTypeNames(InstrumentationConfig config) {
    return Set.of(
        "java.sql.Connection",
        "java.sql.Statement",
        "java.sql.PreparedStatement",
        "java.sql.CallableStatement");
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    // A class this module transforms declares one of these methods, so its constant pool holds
    // the name ("execute" covers every execute* method).
    return Set.of(
        "execute", "addBatch", "clearBatch", "prepareStatement", "prepareCall", "createStatement");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    InstrumentationConfig config = context.config();
    boolean sanitize = config.getBoolean(SANITIZE, config.getBoolean(SANITIZE_OLD_NAME, true));
    if (sanitize) {
      SpanErrors.sanitizeMessagesOf(java.sql.SQLException.class, SqlSanitizer::sanitizeMessage);
    }
    JdbcTelemetry telemetry =
        new JdbcTelemetry(context.tracer(), sanitize, config.semconvOptIn("database/dup"));
    StatementRegistry statements = new StatementRegistry(telemetry);
    return List.of(
        TypeInstrumentation.forTypes(
                // Declared methods first: cheap, and only then the walk up the supertypes.
                declaresMethod(namedOneOf(CONNECTION_METHODS))
                    .and(not(isInterface()))
                    .and(isSubtypeOf("java.sql.Connection")))
            .notInBootLoader()
            .withObjectField()
            .intercept(
                MethodInterception.optional(
                    isPublic()
                        .and(namedOneOf("prepareStatement", "prepareCall"))
                        .and(takesArgument(0, String.class))
                        .or(isPublic().and(named("createStatement"))),
                    new PrepareInterceptor(telemetry, statements)))
            .build(),
        TypeInstrumentation.forTypes(
                declaresMethod(namedOneOf(STATEMENT_METHODS))
                    .and(not(isInterface()))
                    .and(isSubtypeOf("java.sql.Statement")))
            .notInBootLoader()
            .withObjectField()
            .intercept(
                MethodInterception.optional(
                    isPublic()
                        .and(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate")),
                    new ExecuteInterceptor(telemetry, statements)))
            .intercept(
                MethodInterception.optional(
                    isPublic()
                        .and(named("addBatch"))
                        .and(takesArguments(0).or(takesArguments(String.class))),
                    new BatchInterceptors.AddBatch(telemetry, statements)))
            .intercept(
                MethodInterception.optional(
                    isPublic().and(named("clearBatch")).and(takesArguments(0)),
                    new BatchInterceptors.ClearBatch(statements)))
            .intercept(
                MethodInterception.optional(
                    isPublic()
                        .and(namedOneOf("executeBatch", "executeLargeBatch"))
                        .and(takesArguments(0)),
                    new BatchInterceptors.ExecuteBatch(telemetry, statements)))
            .build());
  }
}
