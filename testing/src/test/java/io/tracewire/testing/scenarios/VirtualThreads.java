package io.tracewire.testing.scenarios;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Virtual threads through reflection, so the scenarios compile for Java 17 and run on 21+. */
final class VirtualThreads {

  private VirtualThreads() {}

  static Thread start(Runnable task) {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
      return (Thread) start.invoke(builder, task);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static ExecutorService perTaskExecutor() {
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
