package io.tracewire.agent.install;

import io.tracewire.bootstrap.AdviceDispatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The one advice the agent inlines. It only forwards to {@link AdviceDispatcher} with the id of
 * the interceptor bound at transformation time; any failure, even in the dispatch, is suppressed
 * so the instrumented method runs exactly as it would without the agent.
 */
final class DispatchAdvice {

  private DispatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @InterceptorId int id,
      @Advice.This(optional = true) Object self,
      @Advice.AllArguments Object[] args) {
    return AdviceDispatcher.enter(id, self, args);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @InterceptorId int id,
      @Advice.Enter Object state,
      @Advice.This(optional = true) Object self,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    AdviceDispatcher.exit(id, state, self, returned, thrown);
  }
}
