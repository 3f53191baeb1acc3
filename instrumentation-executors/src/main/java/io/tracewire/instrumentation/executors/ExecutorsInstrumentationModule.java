package io.tracewire.instrumentation.executors;

import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isConstructor;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.isStatic;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.named;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.namedOneOf;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.not;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArgument;
import static io.tracewire.instrumentation.api.matcher.MethodMatcher.takesArguments;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.declaresMethod;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.isInterface;
import static io.tracewire.instrumentation.api.matcher.TypeMatcher.isSubtypeOf;

import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.MethodInterception;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import io.tracewire.instrumentation.api.matcher.MethodMatcher;
import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import java.util.List;
import java.util.Set;

/**
 * Context follows work across threads: the context current when a task is handed to an executor,
 * a fork-join pool, a {@code CompletableFuture} stage or a virtual thread is current while that
 * task runs, and nowhere else.
 *
 * <p>Tasks whose run the agent weaves ({@code FutureTask}, {@code ForkJoinTask}, the {@code
 * CompletableFuture} completions) keep their context aside and are handed over unchanged; any
 * other {@code Runnable} is wrapped (and unwrapped again where an executor hands tasks back). With
 * no span and no baggage current, nothing is captured or allocated.
 */
public final class ExecutorsInstrumentationModule implements InstrumentationModule {

  private static final String CONCURRENT = "java.util.concurrent.";

  /**
   * The JDK classes this module weaves (with their nested classes): named one by one rather than
   * by package, so the start-up sweep over already loaded classes reads these few class files
   * and not every loaded class of {@code java.util.concurrent}.
   */
  private static final String[] JDK_CLASSES = {
    CONCURRENT + "ThreadPoolExecutor",
    CONCURRENT + "ScheduledThreadPoolExecutor",
    CONCURRENT + "ForkJoinPool",
    CONCURRENT + "ForkJoinTask",
    CONCURRENT + "FutureTask",
    CONCURRENT + "CompletableFuture",
    CONCURRENT + "Executors",
    CONCURRENT + "ThreadPerTaskExecutor",
    CONCURRENT + "AbstractExecutorService"
  };

  @Override
  public String name() {
    return "executors";
  }

  /** Made when needed, never while the module loads in {@code premain}. */
  private static MethodMatcher executeRunnable() {
    return named("execute").and(takesArguments(Runnable.class));
  }

  @Override
  public Set<String> classFileMarkers(InstrumentationConfig config) {
    return Set.of(
        "(Ljava/lang/Runnable;)V",
        // A pool that only overrides its hooks names neither a Runnable-only method nor a task type.
        "beforeExecute",
        "afterExecute",
        "java/util/concurrent/CompletableFuture",
        "java/util/concurrent/FutureTask",
        "java/util/concurrent/ForkJoinTask",
        "java/util/concurrent/RunnableScheduledFuture");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(InstrumentationContext context) {
    return List.of(
        jdkExecutors(),
        applicationExecutors(),
        forkJoinPool(),
        // A fork-join task runs in the context it was forked, invoked or submitted in, and in none
        // other: a worker that helps while it joins must not lend its own context to the task.
        TypeInstrumentation.forTypes(TypeMatcher.named(CONCURRENT + "ForkJoinTask"))
            .inJdkClasses(JDK_CLASSES)
            .intercept(optional(namedOneOf("fork", "invoke"), new Interceptors.CaptureOnFork()).withoutExit())
            .intercept(optional(named("invokeAll"), new Interceptors.CaptureArguments()).withoutExit())
            .intercept(optional(named("doExec"), new Interceptors.RunInTaskContext(true)))
            .build(),
        // A FutureTask remembers the context it is made in (by submit, schedule, or a framework's
        // executor that never calls execute), and runs in it.
        TypeInstrumentation.forTypes(TypeMatcher.named(CONCURRENT + "FutureTask"))
            .inJdkClasses(JDK_CLASSES)
            .intercept(
                MethodInterception.constructors(isConstructor(), new Interceptors.CaptureOnConstruction())
                    .withoutArguments())
            .intercept(
                optional(named("run").and(takesArguments(0)), new Interceptors.RunInTaskContext(false, true)))
            .intercept(
                optional(named("runAndReset"), new Interceptors.RunInTaskContext(false)))
            .build(),
        TypeInstrumentation.forTypes(TypeMatcher.named(CONCURRENT + "ScheduledThreadPoolExecutor"))
            .inJdkClasses(JDK_CLASSES)
            .intercept(
                optional(named("delayedExecute"), new Interceptors.CaptureArgument()).withoutExit())
            .build(),
        hooksSeeTheirOwnTasks(),
        TypeInstrumentation.forTypes(TypeMatcher.named(CONCURRENT + "ThreadPoolExecutor"))
            .inJdkClasses(JDK_CLASSES)
            .intercept(
                optional(named("shutdownNow").and(takesArguments(0)), new Interceptors.UnwrapPending())
                    .replacingReturnValue())
            // Where the pool hands a task to its rejection handler (a lambda, often: it cannot be
            // woven itself): the handler gets the application's task.
            .intercept(
                optional(named("reject").and(takesArguments(Runnable.class)), new Interceptors.UnwrapArgument(0))
                    .replacingArgument(0)
                    .withoutExit())
            .intercept(
                optional(named("remove").and(takesArguments(Runnable.class)), new Interceptors.RemoveWrapped())
                    .replacingArgument(0)
                    .withoutExit())
            .build(),
        completableFutureTasks(),
        TypeInstrumentation.forTypes(TypeMatcher.named("java.lang.VirtualThread"))
            .inJdkClass("java.lang.VirtualThread")
            .intercept(
                MethodInterception.constructors(
                        isConstructor().and(takesArgument(3, "java.lang.Runnable")),
                        new Interceptors.WrapRunnableArgument(3))
                    .replacingArgument(3)
                    .withoutExit())
            .build());
  }

  /** {@code execute(Runnable)} of every JDK executor. */
  private static TypeInstrumentation jdkExecutors() {
    return TypeInstrumentation.forTypes(
            TypeMatcher.inPackage(CONCURRENT)
                .and(declaresMethod(executeRunnable().and(not(isStatic()))))
                .and(TypeMatcher.not(isInterface()))
                .and(isSubtypeOf(CONCURRENT + "Executor")))
        .inJdkClasses(JDK_CLASSES)
        .intercept(
            optional(executeRunnable(), new Interceptors.Execute()).replacingArgument(0).withoutExit())
        .build();
  }

  /**
   * {@code execute(Runnable)} of the application's own executors: its lambdas carry the context
   * (other tasks are left as they are; a JDK pool the executor hands them to carries it).
   */
  private static TypeInstrumentation applicationExecutors() {
    return TypeInstrumentation.forTypes(
            TypeMatcher.not(TypeMatcher.inPackage("java."))
                .and(declaresMethod(executeRunnable().and(not(isStatic()))))
                .and(TypeMatcher.not(isInterface()))
                .and(isSubtypeOf(CONCURRENT + "Executor")))
        .intercept(
            optional(executeRunnable(), new Interceptors.ExecuteInApplicationExecutor())
                .replacingArgument(0)
                .withoutExit())
        .build();
  }

  /** A pool's {@code beforeExecute}/{@code afterExecute} overrides get the application's task. */
  private static TypeInstrumentation hooksSeeTheirOwnTasks() {
    MethodMatcher before = named("beforeExecute").and(takesArgument(1, "java.lang.Runnable"));
    MethodMatcher after = named("afterExecute").and(takesArgument(0, "java.lang.Runnable"));
    return TypeInstrumentation.forTypes(
            declaresMethod(before.or(after)).and(isSubtypeOf(CONCURRENT + "ThreadPoolExecutor")))
        .inJdkClasses(JDK_CLASSES)
        .intercept(optional(before, new Interceptors.UnwrapArgument(1)).replacingArgument(1).withoutExit())
        .intercept(optional(after, new Interceptors.UnwrapArgument(0)).replacingArgument(0).withoutExit())
        .build();
  }

  private static TypeInstrumentation forkJoinPool() {
    return TypeInstrumentation.forTypes(TypeMatcher.named(CONCURRENT + "ForkJoinPool"))
        .inJdkClasses(JDK_CLASSES)
        .intercept(
            optional(
                    namedOneOf(
                            "submit", "invoke", "execute",
                            // Java 19+: a fork-join pool schedules, too.
                            "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay")
                        .and(not(takesArguments(0)))
                        .and(not(executeRunnable())),
                    new Interceptors.ForkJoinSubmit())
                .replacingArgument(0)
                .withoutExit())
        .intercept(
            optional(namedOneOf("invokeAll", "invokeAny"), new Interceptors.InvokeCollection())
                .replacingArgument(0)
                .withoutExit())
        .build();
  }

  /**
   * {@code CompletableFuture}'s tasks remember the context they are made in (when the stage is
   * chained, or {@code supplyAsync} called) and run in it, whichever thread completes the
   * future: callbacks chained in a traced request run in that request's context.
   */
  private static TypeInstrumentation completableFutureTasks() {
    return TypeInstrumentation.forTypes(
            TypeMatcher.namedOneOf(
                    CONCURRENT + "CompletableFuture$Completion",
                    CONCURRENT + "CompletableFuture$AsyncSupply",
                    CONCURRENT + "CompletableFuture$AsyncRun")
                .or(declaresMethod(named("tryFire")).and(isSubtypeOf(CONCURRENT + "CompletableFuture$Completion"))))
        .inJdkClasses(JDK_CLASSES)
        .intercept(
            MethodInterception.constructors(isConstructor(), new Interceptors.CaptureOnConstruction())
                .withoutArguments())
        .intercept(
            optional(
                named("tryFire").or(named("run").and(takesArguments(0))),
                new Interceptors.RunInTaskContext(true)))
        .build();
  }

  private static MethodInterception optional(
      MethodMatcher methods, io.tracewire.bootstrap.Interceptor interceptor) {
    return MethodInterception.optional(methods, interceptor);
  }
}
