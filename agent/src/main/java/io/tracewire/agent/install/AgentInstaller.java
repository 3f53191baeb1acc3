package io.tracewire.agent.install;

import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import io.tracewire.agent.AgentLog;
import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.bootstrap.TransformerGate;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/** Builds the one {@link AgentBuilder} from every enabled module and installs it behind the gate. */
public final class AgentInstaller {

  private AgentInstaller() {}

  public static void install(
      Instrumentation instrumentation,
      TransformerGate gate,
      List<InstrumentationModule> modules,
      InstrumentationContextFactory contexts,
      ClassLoader agentLoader) {
    AdviceDispatcher.setErrorListener(new InterceptorNames());
    // The one advice class, read from the jar once for every interception that inlines it.
    ClassFileLocator adviceLocator =
        ClassFileLocator.Simple.of(
            DispatchAdvice.class.getName(),
            ClassFileLocator.ForClassLoader.read(DispatchAdvice.class));
    // Advice is inlined, so ByteBuddy's self-injection nexus is never needed; disabling it keeps
    // ByteBuddy from reaching for sun.misc.Unsafe (which Java 24+ warns about on standard error).
    System.setProperty(Nexus.PROPERTY, "true");
    AgentBuilder builder =
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
            .with(new WeakTypePoolCache())
            // Cached type descriptions reach their class loader only through a weak reference.
            .with(AgentBuilder.LocationStrategy.ForClassLoader.WEAK)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
            .with(new ErrorListener())
            .assureReadEdgeTo(instrumentation, AdviceDispatcher.class)
            .ignore(ignored(agentLoader));
    for (InstrumentationModule module : modules) {
      InstrumentationContext context = contexts.forModule(module.name());
      List<TypeInstrumentation> types;
      try {
        types = module.typeInstrumentations(context);
      } catch (RuntimeException | LinkageError e) {
        AgentLog.debug("instrumentation " + module.name() + " disabled: it could not be set up", e);
        continue;
      }
      for (TypeInstrumentation type : types) {
        builder =
            builder
                .type(type.typeMatcher(), type.classLoaderMatcher())
                .transform(new AdviceTransformer(module.name(), type, adviceLocator));
      }
    }
    builder.installOn(new GateInstrumentation(instrumentation, gate));
  }

  /**
   * The agent itself, the JDK, class-generation internals and trees no instrumentation targets.
   * Decided on names alone: with lazily resolved type descriptions an ignored class is never
   * parsed, which keeps the retransformation pass over the already-loaded classes cheap. (Types
   * are described from class files, not by reflection: reflection would load the classes named in
   * method signatures, untransformed, on the installer thread.) An instrumentation of a JDK class
   * must carve its class out of this list.
   */
  static ElementMatcher.Junction<TypeDescription> ignoredTypes() {
    return nameStartsWith("io.tracewire.agent.")
        .or(nameStartsWith("io.tracewire.bootstrap."))
        .or(nameStartsWith("io.tracewire.instrumentation."))
        .or(nameStartsWith("io.tracewire.exporter."))
        .or(nameStartsWith("io.tracewire.shaded."))
        .or(nameStartsWith("java."))
        .or(nameStartsWith("javax."))
        .or(nameStartsWith("jdk."))
        .or(nameStartsWith("sun."))
        .or(nameStartsWith("com.sun."))
        .or(nameStartsWith("kotlin."))
        .or(nameStartsWith("scala."))
        .or(nameStartsWith("groovy."))
        .or(nameContains("$$Lambda"))
        .or(nameContains("$$EnhancerBy"))
        .or(nameContains("$HibernateProxy$"));
  }

  private static AgentBuilder.RawMatcher ignored(ClassLoader agentLoader) {
    ElementMatcher<TypeDescription> types = ignoredTypes();
    return (type, loader, module, classBeingRedefined, protectionDomain) ->
        loader == agentLoader
            || loader != null && loader.getClass().getName().startsWith("jdk.internal.reflect.")
            || types.matches(type);
  }

  /** Reports a type that could not be transformed; the class loads unchanged. */
  private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(
        String typeName,
        ClassLoader classLoader,
        JavaModule module,
        boolean loaded,
        Throwable throwable) {
      AgentLog.debug("could not instrument " + typeName + ", left unchanged", throwable);
    }
  }

  /** Gives each module its own context (its tracer's scope name is the module's). */
  public interface InstrumentationContextFactory {
    InstrumentationContext forModule(String moduleName);
  }
}
