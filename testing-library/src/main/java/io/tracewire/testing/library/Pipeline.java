package io.tracewire.testing.library;

import java.util.ArrayList;
import java.util.List;

/** Sends messages through its handlers, like a client through its interceptor chain. */
public class Pipeline {

  private final List<Handler> handlers = new ArrayList<>();

  public Pipeline() {}

  public void addHandler(Handler handler) {
    handlers.add(handler);
  }

  public int handlerCount() {
    return handlers.size();
  }

  /** What each handler made of the message, joined with {@code " | "}. */
  public String send(Message message) {
    StringBuilder out = new StringBuilder("body=" + message.body());
    for (Handler handler : handlers) {
      out.append(" | ").append(handler.handle(message));
    }
    return out.toString();
  }
}
