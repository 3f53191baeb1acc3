package io.tracewire.agent.install;

import io.tracewire.agent.AgentLog;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class so that each selected method calls the interceptors bound to it on entry and on
 * exit (see {@link DispatchMethodVisitor}). Nothing else changes: no member is added, so the same
 * rewrite serves classes as they load and classes that are retransformed.
 */
final class DispatchWeaver {

  private DispatchWeaver() {}

  /**
   * @param idsByMethod interceptor ids by method ({@code name + descriptor}), in the order their
   *     entries run
   * @return the rewritten class file
   */
  static byte[] weave(byte[] classfile, Map<String, int[]> idsByMethod) {
    Map<String, int[]> selected = new HashMap<>(idsByMethod);
    while (true) {
      try {
        return weaveOnce(classfile, selected);
      } catch (MethodTooLargeException tooLarge) {
        // The dispatch calls pushed this method past the JVM's 64 KiB: it alone stays as it is.
        String key = tooLarge.getMethodName() + tooLarge.getDescriptor();
        if (selected.remove(key) == null || selected.isEmpty()) {
          throw tooLarge;
        }
        AgentLog.debug(
            "left " + tooLarge.getClassName().replace('/', '.') + "." + tooLarge.getMethodName()
                + " untraced: with the dispatch calls its code would exceed 64 KiB");
      }
    }
  }

  private static byte[] weaveOnce(byte[] classfile, Map<String, int[]> idsByMethod) {
    ClassReader reader = new ClassReader(classfile);
    Map<String, Integer> maxLocals = maxLocals(reader, idsByMethod);
    // Unchanged methods are copied as they are; stack sizes of the changed ones are recomputed.
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    boolean frames = (reader.readUnsignedShort(6) & 0xFFFF) >= Opcodes.V1_6;
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            String key = name + descriptor;
            int[] ids = idsByMethod.get(key);
            Integer locals = maxLocals.get(key);
            if (ids == null || locals == null || !isWeavable(access, name)) {
              return next;
            }
            return new DispatchMethodVisitor(next, access, descriptor, ids, locals, frames);
          }
        },
        ClassReader.EXPAND_FRAMES);
    return writer.toByteArray();
  }

  /** Constructors, class initializers and methods without code are never woven. */
  static boolean isWeavable(int access, String name) {
    return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) == 0
        && !name.startsWith("<");
  }

  /**
   * The original local variable count of each selected method: the weaver's own locals go right
   * above it, so the original code and its frames keep their slots.
   */
  private static Map<String, Integer> maxLocals(ClassReader reader, Map<String, int[]> selected) {
    Map<String, Integer> result = new HashMap<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            String key = name + descriptor;
            if (!selected.containsKey(key)) {
              return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitMaxs(int maxStack, int maxLocals) {
                result.put(key, maxLocals);
              }
            };
          }
        },
        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return result;
  }
}
