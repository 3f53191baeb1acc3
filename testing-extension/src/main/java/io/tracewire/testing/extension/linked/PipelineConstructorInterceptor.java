package io.tracewire.testing.extension.linked;

import io.tracewire.bootstrap.Interceptor;
import io.tracewire.testing.library.Pipeline;

/** Adds the agent's handler to every pipeline the application builds, as a client's interceptor. */
public final class PipelineConstructorInterceptor implements Interceptor {

  @Override
  public Object onEnter(Object self, Object[] args) {
    return null;
  }

  @Override
  public void onExit(Object state, Object self, Object returned, Throwable thrown) {
    ((Pipeline) self).addHandler(new AuditHandler());
  }
}
