package io.tracewire.agent.install;

import io.tracewire.agent.AgentLog;
import io.tracewire.bootstrap.AdviceDispatcher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Names interceptor ids in debug lines about the errors {@link AdviceDispatcher} suppressed. */
final class InterceptorNames implements AdviceDispatcher.ErrorListener {

  private static final Map<Integer, String> NAMES = new ConcurrentHashMap<>();

  static void remember(int id, String moduleName, String interceptorName) {
    NAMES.put(id, moduleName + "/" + interceptorName);
  }

  @Override
  public void onInterceptorError(int id, Throwable error) {
    AgentLog.debug("suppressed an error in advice " + NAMES.getOrDefault(id, "#" + id), error);
  }
}
