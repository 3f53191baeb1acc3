package io.tracewire.agent.install;

import io.tracewire.instrumentation.api.WeakIdentityMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;

/**
 * Answers "is this type a subtype of that one" from class files found through the class loader,
 * never by loading a class. Each loader's answers are cached as plain names, weakly keyed by the
 * loader, so a loader the application drops is not kept alive.
 */
final class TypeHierarchy {

  private static final String[] UNKNOWN = new String[0];

  private final WeakIdentityMap<ClassLoader, Map<String, String[]>> supertypesByLoader =
      new WeakIdentityMap<>();
  private final Map<String, String[]> bootstrapSupertypes = new ConcurrentHashMap<>();

  /**
   * Whether any of the given direct supertypes is, or has as an ancestor, {@code target} (all
   * internal names).
   */
  boolean anyIsSubtype(ClassLoader loader, String superName, String[] interfaces, String target) {
    return findAncestor(loader, superName, interfaces, target, false);
  }

  /** Whether every ancestor of the given direct supertypes can be read from its class file. */
  boolean allReadable(ClassLoader loader, String superName, String[] interfaces) {
    return !findAncestor(loader, superName, interfaces, null, true);
  }

  /**
   * Walks the ancestors of the given direct supertypes, each once, and answers whether it met
   * {@code target} (when not null) or, with {@code unreadable}, a type whose class file cannot be
   * read ({@code java/lang/Object} aside).
   */
  private boolean findAncestor(
      ClassLoader loader, String superName, String[] interfaces, String target, boolean unreadable) {
    Deque<String> pending = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    if (superName != null) {
      pending.add(superName);
    }
    for (String name : interfaces) {
      pending.add(name);
    }
    while (!pending.isEmpty()) {
      String name = pending.poll();
      if (!seen.add(name)) {
        continue;
      }
      if (name.equals(target)) {
        return true;
      }
      String[] supertypes = supertypes(loader, name);
      if (unreadable && supertypes == UNKNOWN && !name.equals("java/lang/Object")) {
        return true;
      }
      for (String supertype : supertypes) {
        pending.add(supertype);
      }
    }
    return false;
  }

  /** The full description of a type, read from its class file; {@code null} when unreadable. */
  ClassFileInfo describe(ClassLoader loader, String internalName) {
    byte[] classfile = ClassFiles.read(loader, internalName);
    if (classfile == null) {
      return null;
    }
    try {
      return ClassFileInfo.read(classfile, loader, this);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** The direct supertypes (super class first), empty when unknown. */
  private String[] supertypes(ClassLoader loader, String internalName) {
    if (internalName.equals("java/lang/Object")) {
      return UNKNOWN;
    }
    Map<String, String[]> cache =
        loader == null
            ? bootstrapSupertypes
            : supertypesByLoader.computeIfAbsent(loader, ignored -> new ConcurrentHashMap<>());
    String[] known = cache.get(internalName);
    if (known == null) {
      known = readSupertypes(loader, internalName);
      // A miss is not remembered: the class file may appear later (a generated class, a loader
      // whose class path grows).
      if (known != UNKNOWN) {
        cache.put(internalName, known);
      }
    }
    return known;
  }

  private static String[] readSupertypes(ClassLoader loader, String internalName) {
    byte[] classfile = ClassFiles.read(loader, internalName);
    if (classfile == null) {
      return UNKNOWN;
    }
    try {
      ClassReader reader = new ClassReader(classfile);
      String superName = reader.getSuperName();
      String[] interfaces = reader.getInterfaces();
      if (superName == null) {
        return interfaces;
      }
      String[] all = new String[interfaces.length + 1];
      all[0] = superName;
      System.arraycopy(interfaces, 0, all, 1, interfaces.length);
      return all;
    } catch (RuntimeException unreadable) {
      return UNKNOWN;
    }
  }
}
