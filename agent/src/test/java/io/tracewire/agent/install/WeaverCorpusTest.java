package io.tracewire.agent.install;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves every weavable method of real class files and has the JVM verify each woven class: a
 * weaving bug must never reach an application as a {@code VerifyError}.
 *
 * <p>Each class is defined twice, in two {@link CorpusClassLoader}s over the same jars: once as
 * it is and once woven. Linking it ({@link #link}) makes the JVM verify it without running its
 * static initializer. A class whose original does not link here (a dependency the corpus lacks, a
 * superclass the test's loader may not extend) is skipped and counted; a class whose original
 * links and whose woven copy does not is a failure, and so is any exception from the weaver.
 *
 * <p>The jars are copied to {@code target/weaving-corpus} by the build (see the agent's pom). The
 * JDK's classes come from the running JDK's {@code jrt:} file system. The whole corpus (about
 * 19,000 classes and 170,000 methods) takes about 15 s on two cores.
 */
class WeaverCorpusTest {

  private static final Path JARS = Paths.get("target", "weaving-corpus");

  /** The test's one call into the weaver: every weavable method of the class, interceptor id 0. */
  /**
   * Weaves every weavable method with everything the contract can ask of one method: a plain
   * interception, then a class-bound one that replaces every argument and the return value, and
   * an entry-only one; a class that can hold instance fields also gets the object-field slot.
   */
  /**
   * Types the woven dispatch calls name in their descriptors: checked under another name (as JDK
   * API classes are here), their woven code would call a dispatcher that does not exist.
   */
  private static final java.util.Set<String> NAMED_BY_THE_DISPATCH =
      java.util.Set.of("java.lang.Object", "java.lang.Class", "java.lang.Throwable");

  static byte[] weave(byte[] classfile) {
    ClassReader reader = new ClassReader(classfile);
    boolean isInterface = (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
    return DispatchWeaver.weaveMethods(classfile, weavableMethods(reader), !isInterface);
  }

  private static Map<String, MethodWeaving> weavableMethods(ClassReader reader) {
    Map<String, MethodWeaving> weavings = new HashMap<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            if (DispatchWeaver.isWeavable(access, name)) {
              int[] everyArgument =
                  java.util.stream.IntStream.range(0, org.objectweb.asm.Type.getArgumentTypes(descriptor).length)
                      .toArray();
              weavings.put(
                  name + descriptor,
                  new MethodWeaving(
                      new int[] {0, 0, 0},
                      new boolean[] {false, true, false},
                      new boolean[] {false, true, false},
                      new boolean[] {true, true, false},
                      everyArgument,
                      true));
            }
            return null;
          }
        },
        ClassReader.SKIP_CODE);
    return weavings;
  }

  @TestFactory
  Stream<DynamicTest> everyWovenClassOfTheCorpusVerifies() {
    return Stream.of(
            jar("spring-core", "spring-core-", "spring-jcl-", "reactive-streams-"),
            jar("spring-context", "spring-context-", "spring-core-", "spring-beans-", "spring-aop-",
                "spring-expression-", "spring-jcl-", "micrometer-observation-", "micrometer-commons-",
                "reactive-streams-"),
            jar("hibernate-core", "hibernate-core-", "jakarta.persistence-api-", "jakarta.transaction-api-",
                "jakarta.xml.bind-api-", "jboss-logging-",
                "hibernate-commons-annotations-", "jandex-", "classmate-", "antlr4-runtime-", "byte-buddy-"),
            jar("kotlinx-coroutines", "kotlinx-coroutines-core-jvm-", "kotlin-stdlib-"),
            jar("scala-library", "scala-library-"),
            jar("groovy", "groovy-"),
            // Java 1.2 class files: no stack map frames.
            jar("commons-collections 3.2.2 (no frames)", "commons-collections-"),
            // javac of its day compiled finally blocks to JSR/RET subroutines.
            jar("junit 3.8.1 (JSR/RET)", "junit-"),
            new Corpus("JDK java.base", () -> CorpusClasses.fromModule("java.base"), Map::of),
            new Corpus("JDK java.net.http", () -> CorpusClasses.fromModule("java.net.http"), Map::of))
        .map(corpus -> DynamicTest.dynamicTest(corpus.name, () -> check(corpus)));
  }

  /** The check itself can fail: a class that returns a reference from an {@code int} method. */
  @Test
  void linkingAClassVerifiesIt() {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "Broken", null, "java/lang/Object", null);
    MethodVisitor method =
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "answer", "()I", null, null);
    method.visitCode();
    method.visitInsn(Opcodes.ACONST_NULL);
    method.visitInsn(Opcodes.IRETURN);
    method.visitMaxs(0, 0);
    method.visitEnd();
    writer.visitEnd();
    byte[] broken = writer.toByteArray();
    String outcome = link(new CorpusClassLoader(name -> name.equals("Broken") ? broken : null), "Broken");
    assertTrue(outcome != null && outcome.startsWith("VerifyError"), String.valueOf(outcome));
  }

  private static void check(Corpus corpus) {
    Map<String, byte[]> originals = corpus.classes.get();
    Map<String, byte[]> dependencies = corpus.dependencies.get();
    Tally tally = new Tally();
    Map<String, byte[]> woven = new ConcurrentHashMap<>();
    Function<String, byte[]> wovenOrOriginal =
        name -> {
          byte[] original = originals.get(name);
          return original == null
              ? dependencies.get(name)
              : woven.computeIfAbsent(name, n -> weaveOrKeep(n, original, tally));
        };
    CorpusClassLoader originalLoader =
        new CorpusClassLoader(name -> originals.getOrDefault(name, dependencies.get(name)));
    CorpusClassLoader wovenLoader = new CorpusClassLoader(wovenOrOriginal);
    for (Map.Entry<String, byte[]> entry : originals.entrySet()) {
      String name = entry.getKey();
      if (NAMED_BY_THE_DISPATCH.contains(name)) {
        continue;
      }
      int methods = weavableMethods(new ClassReader(entry.getValue())).size();
      if (methods == 0) {
        continue;
      }
      String notLinked = link(originalLoader, name);
      if (notLinked != null) {
        tally.skipped.merge(notLinked.substring(0, notLinked.indexOf(':')), 1, Integer::sum);
        continue;
      }
      wovenOrOriginal.apply(name);
      if (tally.weaverFailed(name)) {
        continue;
      }
      String wovenNotLinked = link(wovenLoader, name);
      if (wovenNotLinked != null) {
        tally.verifyFailures.add(name + ": " + wovenNotLinked);
      } else {
        tally.classes++;
        tally.methods += methods;
      }
    }
    System.out.println(corpus.name + ": " + tally);
    assertTrue(
        tally.weaverExceptions.isEmpty() && tally.verifyFailures.isEmpty(),
        corpus.name + ": " + tally + "\n" + String.join("\n", tally.firstProblems()));
    assertTrue(tally.classes > 0, corpus.name + ": no class was checked");
  }

  private static byte[] weaveOrKeep(String name, byte[] original, Tally tally) {
    try {
      return weave(original);
    } catch (MethodTooLargeException tooLarge) {
      // Every selected method would outgrow 64 KiB: the class is left as it is, by design.
      tally.tooLarge++;
      return original;
    } catch (RuntimeException | LinkageError e) {
      tally.weaverExceptions.put(name, e.toString());
      return original;
    }
  }

  /**
   * Loads the class without initializing it, then links it: asking for its public fields links
   * the class (and so verifies it and its supertypes) and, unlike its methods, rarely needs more
   * classes loaded.
   *
   * @return null when it linked, else what the JVM threw
   */
  private static String link(ClassLoader loader, String name) {
    try {
      Class.forName(CorpusClassLoader.checkedName(name), false, loader).getFields();
      return null;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static Corpus jar(String name, String wovenJar, String... dependencyJars) {
    return new Corpus(
        name,
        () -> CorpusClasses.fromJar(corpusJar(wovenJar)),
        () -> {
          Map<String, byte[]> classes = new HashMap<>();
          for (String prefix : dependencyJars) {
            classes.putAll(CorpusClasses.fromJar(corpusJar(prefix)));
          }
          return classes;
        });
  }

  private static Path corpusJar(String prefix) {
    try (Stream<Path> jars = Files.list(JARS)) {
      return jars.filter(jar -> jar.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in " + JARS.toAbsolutePath()));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static final class Corpus {
    final String name;
    final Supplier<Map<String, byte[]>> classes;
    final Supplier<Map<String, byte[]>> dependencies;

    Corpus(String name, Supplier<Map<String, byte[]>> classes, Supplier<Map<String, byte[]>> dependencies) {
      this.name = name;
      this.classes = classes;
      this.dependencies = dependencies;
    }
  }

  private static final class Tally {
    int classes;
    int methods;
    int tooLarge;
    final Map<String, Integer> skipped = new TreeMap<>();
    final Map<String, String> weaverExceptions = new ConcurrentHashMap<>();
    final List<String> verifyFailures = new ArrayList<>();

    boolean weaverFailed(String name) {
      return weaverExceptions.containsKey(name);
    }

    List<String> firstProblems() {
      List<String> problems = new ArrayList<>();
      weaverExceptions.forEach((name, error) -> problems.add("weaver: " + name + ": " + error));
      problems.addAll(verifyFailures);
      return problems.subList(0, Math.min(20, problems.size()));
    }

    @Override
    public String toString() {
      return classes + " woven classes verified (" + methods + " methods), "
          + weaverExceptions.size() + " weaver exceptions, " + verifyFailures.size()
          + " verification failures, " + tooLarge + " left whole (64 KiB), original not linkable here: "
          + skipped;
    }
  }
}
