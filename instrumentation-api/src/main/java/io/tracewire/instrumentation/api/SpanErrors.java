package io.tracewire.instrumentation.api;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** Records a failed call on a span: status, {@code error.type} and an exception event. */
public final class SpanErrors {

  /**
   * Message sanitizers that modules register for the exceptions of their library, in the order
   * registered. One applies to every message of an error whose cause chain holds its exception
   * type, whichever span records it: a JDBC driver echoes SQL, literals included, and the
   * exception often travels up through traced application methods (or a framework wraps it)
   * before it is recorded.
   */
  private static final List<MessageSanitizer> sanitizers = new CopyOnWriteArrayList<>();

  /**
   * {@code exception.stacktrace} is cut to this many characters (about 80 frames): a burst of
   * failures with deep stacks (a framework's hundreds of frames, long cause chains) must not fill
   * the heap with queued spans. {@code otel.attribute.value.length.limit} may cut it shorter.
   */
  public static final int MAX_STACKTRACE_LENGTH = 8192;

  private SpanErrors() {}

  /**
   * Has every message of an error caused by a {@code type} pass through {@code sanitizer}, in
   * whichever span it is recorded. A module registers the exceptions of its own library; a type
   * registered again gets the new sanitizer.
   */
  public static void sanitizeMessagesOf(
      Class<? extends Throwable> type, UnaryOperator<String> sanitizer) {
    sanitizers.removeIf(registered -> registered.type == type);
    sanitizers.add(new MessageSanitizer(type, sanitizer));
  }

  /**
   * Marks the span as failed by {@code error}. The exception message, and the first line of the
   * stack trace that repeats it, pass through {@code messageSanitizer}.
   */
  public static void record(Span span, Throwable error, UnaryOperator<String> sanitizer) {
    UnaryOperator<String> registered = registeredSanitizer(error);
    UnaryOperator<String> messageSanitizer = registered != null ? registered : sanitizer;
    String type = error.getClass().getName();
    String message = error.getMessage() == null ? null : messageSanitizer.apply(error.getMessage());
    span.setStatus(StatusCode.ERROR);
    span.setAttribute(SemanticKeys.ERROR_TYPE, type);
    AttributesBuilder event =
        Attributes.builder()
            .put(SemanticKeys.EXCEPTION_TYPE, type)
            .put(SemanticKeys.EXCEPTION_STACKTRACE, stackTrace(error, messageSanitizer));
    if (message != null) {
      event.put(SemanticKeys.EXCEPTION_MESSAGE, message);
    }
    span.addEvent("exception", event.build());
  }

  /** The sanitizer registered for the first exception of the cause chain that has one. */
  private static UnaryOperator<String> registeredSanitizer(Throwable error) {
    if (sanitizers.isEmpty()) {
      return null;
    }
    int depth = 0;
    for (Throwable current = error; current != null && depth < 32; current = current.getCause()) {
      for (MessageSanitizer candidate : sanitizers) {
        if (candidate.type.isInstance(current)) {
          return candidate.sanitizer;
        }
      }
      depth++;
    }
    return null;
  }

  private static final class MessageSanitizer {
    final Class<? extends Throwable> type;
    final UnaryOperator<String> sanitizer;

    MessageSanitizer(Class<? extends Throwable> type, UnaryOperator<String> sanitizer) {
      this.type = type;
      this.sanitizer = sanitizer;
    }
  }

  /**
   * The stack trace as {@link Throwable#printStackTrace()} prints it, but with every message of
   * the cause chain sanitized: a cause often repeats the statement too.
   */
  private static String stackTrace(Throwable error, UnaryOperator<String> messageSanitizer) {
    StringBuilder text = new StringBuilder();
    java.util.Set<Throwable> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable current = error;
        current != null && seen.add(current) && text.length() < MAX_STACKTRACE_LENGTH;
        current = current.getCause()) {
      if (current != error) {
        text.append("Caused by: ");
      }
      text.append(current.getClass().getName());
      if (current.getMessage() != null) {
        text.append(": ").append(messageSanitizer.apply(current.getMessage()));
      }
      text.append('\n');
      for (StackTraceElement frame : current.getStackTrace()) {
        if (text.length() >= MAX_STACKTRACE_LENGTH) {
          break;
        }
        text.append("\tat ").append(frame).append('\n');
      }
    }
    return text.length() > MAX_STACKTRACE_LENGTH ? text.substring(0, MAX_STACKTRACE_LENGTH) : text.toString();
  }
}
