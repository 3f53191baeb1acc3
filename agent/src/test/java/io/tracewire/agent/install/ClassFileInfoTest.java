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

class ClassFileInfoTest {

  /** Reaches {@code java.util.Collection} only through a superclass's interfaces' supertypes. */
  abstract static class Names extends AbstractList<String> implements Comparable<Names> {
    public abstract void rename(String from, int[] positions, long when);
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
    List<String> constructors =
        describe(Names.class).declaredMethods().stream()
            .filter(m -> !DispatchWeaver.isWeavable(m.access(), m.name()))
            .map(MethodInfo::name)
            .collect(Collectors.toList());
    assertTrue(constructors.contains("<init>"), constructors.toString());
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
}
