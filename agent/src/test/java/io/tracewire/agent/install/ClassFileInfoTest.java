package io.tracewire.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.instrumentation.api.matcher.MethodInfo;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

class ClassFileInfoTest {

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface Traced {
    String value() default "";

    java.util.concurrent.TimeUnit unit() default java.util.concurrent.TimeUnit.SECONDS;

    String[] tags() default {};
  }

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
  @interface Named {
    String value();
  }

  static final class Annotated {
    @Traced(value = "custom", unit = java.util.concurrent.TimeUnit.MINUTES, tags = {"a", "b"})
    static void work(@Named("the.user") String user, int count, @Named("") long id) {}

    static void plain(String text) {}
  }

  /** Reaches {@code java.util.Collection} only through a superclass's interfaces' supertypes. */
  abstract static class Names extends AbstractList<String> implements Comparable<Names> {
    public abstract void rename(String from, int[] positions, long when);

    @Deprecated
    static String[] labels(int count) {
      return new String[count];
    }
  }

  private final TypeHierarchy hierarchy = new TypeHierarchy();
  private final ClassLoader loader = getClass().getClassLoader();

  private ClassFileInfo describe(Class<?> type) {
    return ClassFileInfo.read(
        ClassFiles.read(loader, type.getName().replace('.', '/')), loader, hierarchy);
  }

  @Test
  void findsSupertypesAtAnyDepthFromClassFiles() {
    ClassFileInfo names = describe(Names.class);
    assertEquals(Names.class.getName(), names.name());
    assertTrue(names.isSubtypeOf(Names.class.getName()));
    assertTrue(names.isSubtypeOf("java.util.AbstractList"));
    assertTrue(names.isSubtypeOf("java.util.Collection"));
    assertTrue(names.isSubtypeOf("java.lang.Iterable"));
    assertTrue(names.isSubtypeOf("java.lang.Comparable"));
    assertFalse(names.isSubtypeOf("java.sql.Statement"));
    assertFalse(names.isInterface());
  }

  @Test
  void describesDeclaredMethodsWithJavaTypeNames() {
    MethodInfo rename =
        describe(Names.class).declaredMethods().stream()
            .filter(m -> m.name().equals("rename"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("java.lang.String", "int[]", "long"), rename.parameterTypeNames());
    assertTrue(rename.isPublic());
    assertFalse(DispatchWeaver.isWeavable(rename.access(), rename.name()));
    assertEquals("void", rename.returnTypeName());
    MethodInfo constructor =
        describe(Names.class).declaredMethods().stream()
            .filter(MethodInfo::isConstructor)
            .findFirst()
            .orElseThrow();
    // Constructors are woven only by interceptions meant for them; class initializers never.
    assertTrue(DispatchWeaver.isWeavable(constructor.access(), constructor.name()));
    assertFalse(DispatchWeaver.isWeavable(Opcodes.ACC_STATIC, "<clinit>"));
  }

  @Test
  void describesAnnotationsAndReturnTypes() {
    MethodInfo labels =
        describe(Names.class).declaredMethods().stream()
            .filter(m -> m.name().equals("labels"))
            .findFirst()
            .orElseThrow();
    assertEquals(java.util.Set.of("java.lang.Deprecated"), labels.annotations());
    assertEquals("java.lang.String[]", labels.returnTypeName());
    assertTrue(labels.isStatic());
    assertTrue(io.tracewire.instrumentation.api.matcher.MethodMatcher.annotatedWith("java.lang.Deprecated")
        .and(io.tracewire.instrumentation.api.matcher.MethodMatcher.returns("java.lang.String[]"))
        .matches(labels));
  }

  @Test
  void walksSuperclassesAndStopsAtObject() {
    ClassFileInfo names = describe(Names.class);
    ClassFileInfo abstractList = names.superClass();
    assertEquals("java.util.AbstractList", abstractList.name());
    ClassFileInfo top = abstractList.superClass().superClass();
    assertEquals("java.lang.Object", top.name());
    assertNull(top.superClass());
  }

  @Test
  void anUnknownSupertypeIsNotAMatch() {
    assertFalse(hierarchy.anyIsSubtype(loader, "com/example/Missing", new String[0], "java/lang/Runnable"));
  }

  private static MethodInfo method(ClassFileInfo info, String name) {
    return info.declaredMethods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void readsAnnotationValuesParameterAnnotationsAndNamesOnDemand() {
    ClassFileInfo info = describe(Annotated.class);
    io.tracewire.instrumentation.api.matcher.MethodDetails work = method(info, "work").details();
    assertEquals(
        java.util.Map.of("value", "custom", "unit", "MINUTES", "tags", List.of("a", "b")),
        work.annotation(Traced.class.getName()));
    assertEquals(java.util.Map.of("value", "the.user"), work.parameterAnnotation(0, Named.class.getName()));
    assertNull(work.parameterAnnotation(1, Named.class.getName()));
    assertEquals(java.util.Map.of("value", ""), work.parameterAnnotation(2, Named.class.getName()));
    assertNull(work.parameterAnnotation(3, Named.class.getName()));
    // This module is compiled without -parameters: no names in the class file.
    assertNull(work.parameterName(0));
    assertEquals(
        io.tracewire.instrumentation.api.matcher.MethodDetails.NONE, method(info, "plain").details());
  }

  @Test
  void detailsAreNotReadOnceMatchingIsOver() {
    ClassFileInfo info = describe(Annotated.class);
    MethodInfo work = method(info, "work");
    info.release();
    assertEquals(io.tracewire.instrumentation.api.matcher.MethodDetails.NONE, work.details());
  }

  @Test
  void readsParameterNamesOfClassesCompiledWithParameters() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("parameters");
    java.nio.file.Path source = dir.resolve("Named.java");
    java.nio.file.Files.writeString(source, "public class Named { public void place(String customer, int count) {} }");
    javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
    assertEquals(0, compiler.run(null, null, null, "-parameters", "-d", dir.toString(), source.toString()));
    byte[] classfile = java.nio.file.Files.readAllBytes(dir.resolve("Named.class"));
    MethodInfo place = method(ClassFileInfo.read(classfile, loader, hierarchy), "place");
    assertEquals("customer", place.details().parameterName(0));
    assertEquals("count", place.details().parameterName(1));
    assertNull(place.details().parameterName(2));
  }
}
