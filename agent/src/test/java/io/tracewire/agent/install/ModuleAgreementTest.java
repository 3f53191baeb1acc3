package io.tracewire.agent.install;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.tracewire.agent.ModuleContexts;
import io.tracewire.agent.config.AgentConfig;
import io.tracewire.bootstrap.TransformerGate;
import io.tracewire.instrumentation.api.InstrumentationContext;
import io.tracewire.instrumentation.api.InstrumentationModule;
import io.tracewire.instrumentation.api.TypeInstrumentation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * Each module states three things by hand and apart: its early type names, its class-file
 * markers and its type matchers. Over real class files of the libraries the modules target, this
 * checks that they agree, as the agent would use them:
 *
 * <ul>
 *   <li>every class a module would weave (its name is not ignored, an instrumentation matches,
 *       nothing it requires is missing and it selects a method: {@link AgentTransformer}'s own
 *       decision) holds one of that module's markers, or the gate would drop it unseen;
 *   <li>no module gives {@code null} markers, which would switch the gate's pre-filter off for all;
 *   <li>each early type is, or is named directly as superclass or interface by, a class its module
 *       weaves (an early type nothing woven names holds classes back for nothing), and every class
 *       the gate holds back for it has one of the module's markers (else it is held, then never
 *       handed to the transformer);
 *   <li>every module weaves some class of the corpus, so the checks say something about it: a new
 *       module's library joins the {@code module-corpus} execution in the agent's pom.
 * </ul>
 *
 * The jars are copied to {@code target/module-corpus} by the build, never put on a class path;
 * supertypes are read from them through one loader over them all. The JDK's classes come from the
 * running JDK's {@code jrt:} file system. Default settings, but for one configured method, so that
 * the methods module has something to agree on.
 */
class ModuleAgreementTest {

  private static final Path JARS = Paths.get("target", "module-corpus");
  private static final List<String> JDK_MODULES = List.of("java.base", "java.net.http", "jdk.httpserver");
  private static final String CONFIGURED_METHOD = "org.h2.Driver[connect]";

  private static URLClassLoader corpusLoader;
  private static List<CheckedModule> modules;

  @BeforeAll
  static void weaveTheCorpus() throws IOException {
    corpusLoader = new URLClassLoader("module-corpus", urls(jars()), ClassLoader.getPlatformClassLoader());
    modules = loadModules();
    List<BoundInstrumentation> all =
        modules.stream().flatMap(module -> module.instrumentations.stream()).collect(Collectors.toList());
    // Only for the names it ignores: the JDK packages every instrumentation allows count for all.
    AgentTransformer transformer = new AgentTransformer(all, ModuleAgreementTest.class.getClassLoader(), null);
    TypeHierarchy hierarchy = new TypeHierarchy();
    for (String module : JDK_MODULES) {
      ClassLoader loader = ModuleLayer.boot().findModule(module).orElseThrow().getClassLoader();
      scan("JDK " + module, CorpusClasses.fromModule(module), loader, transformer, hierarchy);
    }
    for (Path jar : jars()) {
      scan(jar.getFileName().toString(), CorpusClasses.fromJar(jar), corpusLoader, transformer, hierarchy);
    }
    for (CheckedModule module : modules) {
      System.out.println("module " + module.name() + ": weaves " + module.wovenCount() + " classes " + module.woven);
      module.heldBack.forEach(
          (earlyType, held) ->
              System.out.println(
                  "  early type " + earlyType + ": holds back " + held.size() + ", of which woven "
                      + held.stream().filter(heldClass -> heldClass.woven).count()));
    }
  }

  @AfterAll
  static void closeTheLoader() throws IOException {
    corpusLoader.close();
  }

  @Test
  void everyModuleGivesClassFileMarkers() {
    List<String> without =
        modules.stream().filter(module -> module.markers == null).map(CheckedModule::name).collect(Collectors.toList());
    assertTrue(without.isEmpty(), "no class-file markers (the gate's pre-filter is off for all): " + without);
  }

  @Test
  void everyClassAModuleWeavesHasOneOfItsMarkers() {
    List<String> problems = new ArrayList<>();
    for (CheckedModule module : modules) {
      if (module.wovenCount() == 0) {
        problems.add(module.name() + " weaves no class of the corpus: add its library to module-corpus");
      }
      for (String name : module.wovenWithoutMarker) {
        problems.add(module.name() + " weaves " + name + ", which has none of its markers " + module.markers);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyEarlyTypeHoldsBackClassesItsModuleWeavesAndOnlyWithMarkers() {
    List<String> problems = new ArrayList<>();
    for (CheckedModule module : modules) {
      for (String earlyType : module.earlyTypes) {
        List<HeldClass> held = module.heldBack.getOrDefault(earlyType, List.of());
        if (held.stream().noneMatch(heldClass -> heldClass.woven)) {
          problems.add(
              module.name() + ": early type " + earlyType + " is not, nor is named directly by, any class it"
                  + " weaves (classes held back for it: " + held.size() + ")");
        }
        for (HeldClass heldClass : held) {
          if (!heldClass.marked) {
            problems.add(
                module.name() + ": " + heldClass.name + " is held back for early type " + earlyType
                    + " but has none of its markers " + module.markers);
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static void scan(
      String source,
      Map<String, byte[]> classes,
      ClassLoader loader,
      AgentTransformer transformer,
      TypeHierarchy hierarchy) {
    for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
      String internalName = entry.getKey().replace('.', '/');
      byte[] classfile = entry.getValue();
      ClassReader header = new ClassReader(classfile);
      ClassFileInfo info =
          transformer.isIgnored(loader, internalName) ? null : ClassFileInfo.read(classfile, loader, hierarchy);
      for (CheckedModule module : modules) {
        boolean woven = info != null && module.weaves(loader, info);
        boolean marked = module.gate.passesMarkers(classfile);
        if (woven) {
          module.woven.merge(source, 1, Integer::sum);
          if (!marked) {
            module.wovenWithoutMarker.add(entry.getKey());
          }
        }
        // The gate never holds back the boot loader's classes.
        if (loader != null) {
          for (String earlyType : module.earlyTypes) {
            if (isOrNamesDirectly(header, earlyType)) {
              module.heldBack
                  .computeIfAbsent(earlyType, ignored -> new ArrayList<>())
                  .add(new HeldClass(entry.getKey(), woven, marked));
            }
          }
        }
      }
    }
  }

  private static boolean isOrNamesDirectly(ClassReader header, String internalName) {
    return internalName.equals(header.getClassName())
        || internalName.equals(header.getSuperName())
        || Arrays.asList(header.getInterfaces()).contains(internalName);
  }

  private static List<CheckedModule> loadModules() {
    Properties settings = new Properties();
    settings.setProperty("otel.instrumentation.methods.include", CONFIGURED_METHOD);
    AgentConfig config = new AgentConfig(settings, Map.of());
    AgentInstaller.InstrumentationContextFactory contexts = ModuleContexts.over(OpenTelemetry.noop(), config);
    ClassLoader agentLoader = ModuleAgreementTest.class.getClassLoader();
    List<CheckedModule> found = new ArrayList<>();
    for (InstrumentationModule module : ServiceLoader.load(InstrumentationModule.class, agentLoader)) {
      InstrumentationContext context = contexts.forModule(module.name());
      List<BoundInstrumentation> bound = new ArrayList<>();
      for (TypeInstrumentation type : module.typeInstrumentations(context)) {
        bound.add(new BoundInstrumentation(module.name(), type, agentLoader));
      }
      Set<String> earlyTypes =
          module.earlyTypeNames(config).stream().map(name -> name.replace('.', '/')).collect(Collectors.toSet());
      found.add(new CheckedModule(module, module.classFileMarkers(config), earlyTypes, bound));
    }
    assertTrue(!found.isEmpty(), "no instrumentation module on the test class path");
    return found;
  }

  private static List<Path> jars() throws IOException {
    try (Stream<Path> files = Files.list(JARS)) {
      List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
      assertTrue(!jars.isEmpty(), "no jars in " + JARS.toAbsolutePath() + " (copied by the build)");
      return jars;
    }
  }

  private static URL[] urls(List<Path> jars) {
    return jars.stream()
        .map(
            jar -> {
              try {
                return jar.toUri().toURL();
              } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toArray(URL[]::new);
  }

  /** A module with what the agent would take from it, and what the corpus showed. */
  private static final class CheckedModule {
    final InstrumentationModule module;
    final Set<String> markers;
    /** A gate that knows only this module's markers, to scan class files exactly as the agent's. */
    final TransformerGate gate = new TransformerGate();
    final Set<String> earlyTypes;
    final List<BoundInstrumentation> instrumentations;
    final Map<String, Integer> woven = new TreeMap<>();
    final List<String> wovenWithoutMarker = new ArrayList<>();
    final Map<String, List<HeldClass>> heldBack = new HashMap<>();

    CheckedModule(
        InstrumentationModule module,
        Set<String> markers,
        Set<String> earlyTypes,
        List<BoundInstrumentation> instrumentations) {
      this.module = module;
      this.markers = markers;
      this.earlyTypes = earlyTypes;
      this.instrumentations = instrumentations;
      if (markers != null) {
        gate.onlyClassesContaining(
            markers.stream().map(marker -> marker.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
      }
    }

    String name() {
      return module.name();
    }

    int wovenCount() {
      return woven.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether one of the module's instrumentations would weave a method of the class. */
    boolean weaves(ClassLoader loader, ClassFileInfo info) {
      for (BoundInstrumentation instrumentation : instrumentations) {
        if (instrumentation.matches(loader, info) && instrumentation.missingRequirement(info) == null) {
          Map<String, MethodWeaving> weavings = new HashMap<>();
          instrumentation.addWeavings(info, weavings);
          if (!weavings.isEmpty()) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static final class HeldClass {
    final String name;
    final boolean woven;
    final boolean marked;

    HeldClass(String name, boolean woven, boolean marked) {
      this.name = name;
      this.woven = woven;
      this.marked = marked;
    }
  }
}
