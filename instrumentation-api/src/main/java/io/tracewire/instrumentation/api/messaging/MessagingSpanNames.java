package io.tracewire.instrumentation.api.messaging;

/** Span names of the messaging conventions: {@code {operation name} {destination}}. */
public final class MessagingSpanNames {

  private MessagingSpanNames() {}

  /** {@code publish orders}; the operation name alone when the destination is not known. */
  public static String name(String operationName, String destination) {
    String operation = operationName == null ? "" : operationName;
    if (destination == null || destination.isEmpty()) {
      return operation.isEmpty() ? "messaging" : operation;
    }
    return operation.isEmpty() ? destination : operation + " " + destination;
  }
}
