package io.tracewire.agent.install;

import io.tracewire.instrumentation.api.matcher.MethodInfo;
import io.tracewire.instrumentation.api.matcher.TypeInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Type;
import java.util.List;
import java.util.Map;
import io.tracewire.instrumentation.api.matcher.MethodDetails;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** A class described from its class file alone: name, supertypes and declared methods. */
final class ClassFileInfo implements TypeInfo {

  private final String internalName;
  /** The binary name, made once: name matchers ask for it per instrumentation and per method. */
  private final String name;
  private final int access;
  private final String superName;
  private final String[] interfaces;
  private final List<MethodInfo> methods;
  private final ClassLoader loader;
  private final TypeHierarchy hierarchy;
  /** The class file, for {@link MethodInfo#details()}, until {@link #release()}. */
  private byte[] classfile;
  private Map<String, MethodDetails> details;

  private ClassFileInfo(
      ClassReader reader, List<MethodInfo> methods, ClassLoader loader, TypeHierarchy hierarchy) {
    this.internalName = reader.getClassName();
    this.name = internalName.replace('/', '.');
    this.access = reader.getAccess();
    this.superName = reader.getSuperName();
    this.interfaces = reader.getInterfaces();
    this.methods = List.copyOf(methods);
    this.loader = loader;
    this.hierarchy = hierarchy;
  }

  /** Reads the class file, skipping all code. */
  static ClassFileInfo read(byte[] classfile, ClassLoader loader, TypeHierarchy hierarchy) {
    ClassReader reader = new ClassReader(classfile);
    List<MethodInfo> methods = new ArrayList<>();
    // Filled in below: the methods' details are read through it, on demand.
    ClassFileInfo[] info = new ClassFileInfo[1];
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            Set<String> annotations = new HashSet<>();
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                annotations.add(Type.getType(annotation).getClassName());
                return null;
              }

              @Override
              public void visitEnd() {
                methods.add(
                    new MethodInfo(
                        name, descriptor, access, annotations, () -> info[0].detailsOf(name + descriptor)));
              }
            };
          }
        },
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    info[0] = new ClassFileInfo(reader, methods, loader, hierarchy);
    info[0].classfile = classfile;
    return info[0];
  }

  private MethodDetails detailsOf(String nameAndDescriptor) {
    if (details == null) {
      if (classfile == null) {
        return MethodDetails.NONE;
      }
      details = MethodDetailsReader.read(classfile);
    }
    return details.getOrDefault(nameAndDescriptor, MethodDetails.NONE);
  }

  /** Matching is over: details not read by now are never read (nothing keeps the class file). */
  void release() {
    classfile = null;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isInterface() {
    return (access & Opcodes.ACC_INTERFACE) != 0;
  }

  @Override
  public List<MethodInfo> declaredMethods() {
    return methods;
  }

  @Override
  public boolean isSubtypeOf(String typeName) {
    String target = typeName.replace('.', '/');
    if (internalName.equals(target)) {
      return true;
    }
    return hierarchy.anyIsSubtype(loader, superName, interfaces, target);
  }

  /** Whether every ancestor's class file could be read (else subtype answers are guesses). */
  boolean hasReadableHierarchy() {
    return hierarchy.allReadable(loader, superName, interfaces);
  }

  /** The super class, read from its class file; {@code null} at the top or when unreadable. */
  ClassFileInfo superClass() {
    return superName == null ? null : hierarchy.describe(loader, superName);
  }

  @Override
  public String toString() {
    return name();
  }
}
