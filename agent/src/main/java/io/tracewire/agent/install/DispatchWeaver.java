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
 * exit (see {@link DispatchMethodVisitor}). The methods are the only change unless the class is
 * also given the object-field slot ({@link ObjectFieldSlot}), which only a class that is loading
 * can take: a retransformed class keeps the shape it loaded with.
 */
final class DispatchWeaver {

  private DispatchWeaver() {}

  /**
   * @param idsByMethod interceptor ids by method ({@code name + descriptor}), in the order their
   *     entries run; plain calls that replace nothing
   * @return the rewritten class file
   */
  static byte[] weave(byte[] classfile, Map<String, int[]> idsByMethod) {
    Map<String, MethodWeaving> weavings = new HashMap<>();
    idsByMethod.forEach((method, ids) -> weavings.put(method, MethodWeaving.plain(ids)));
    return weaveMethods(classfile, weavings, false);
  }

  /**
   * @param weavings what to weave into each method ({@code name + descriptor})
   * @return the rewritten class file
   */
  static byte[] weaveMethods(byte[] classfile, Map<String, MethodWeaving> weavings) {
    return weaveMethods(classfile, weavings, false);
  }

  /**
   * @param objectField whether the class also gets the {@code ObjectField} slot ({@link
   *     ObjectFieldSlot})
   */
  static byte[] weaveMethods(
      byte[] classfile, Map<String, MethodWeaving> weavings, boolean objectField) {
    Map<String, MethodWeaving> selected = new HashMap<>(weavings);
    while (true) {
      try {
        return weaveOnce(classfile, selected, objectField);
      } catch (MethodTooLargeException tooLarge) {
        // The dispatch calls pushed this method past the JVM's 64 KiB: it alone stays as it is.
        String key = tooLarge.getMethodName() + tooLarge.getDescriptor();
        if (selected.remove(key) == null || selected.isEmpty() && !objectField) {
          throw tooLarge;
        }
        AgentLog.debug(
            "left " + tooLarge.getClassName().replace('/', '.') + "." + tooLarge.getMethodName()
                + " untraced: with the dispatch calls its code would exceed 64 KiB");
      }
    }
  }

  private static byte[] weaveOnce(
      byte[] classfile, Map<String, MethodWeaving> weavings, boolean objectField) {
    ClassReader reader = new ClassReader(classfile);
    Map<String, Integer> maxLocals = maxLocals(reader, weavings);
    // Unchanged methods are copied as they are; stack sizes of the changed ones are recomputed.
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    int version = reader.readUnsignedShort(6);
    String owner = reader.getClassName();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version, int access, String name, String signature, String superName, String[] interfaces) {
            super.visit(
                version, access, name, signature, superName,
                objectField ? ObjectFieldSlot.withInterface(interfaces) : interfaces);
          }

          @Override
          public void visitEnd() {
            if (objectField) {
              ObjectFieldSlot.addMembers(cv, owner);
            }
            super.visitEnd();
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            String key = name + descriptor;
            MethodWeaving weaving = weavings.get(key);
            Integer locals = maxLocals.get(key);
            if (weaving == null || locals == null || !isWeavable(access, name)) {
              return next;
            }
            return new DispatchMethodVisitor(
                next, owner, access, name, descriptor, weaving, locals, version);
          }
        },
        ClassReader.EXPAND_FRAMES);
    return writer.toByteArray();
  }

  /**
   * Class initializers and methods without code are never woven; constructors only by
   * interceptions meant for them.
   */
  static boolean isWeavable(int access, String name) {
    return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) == 0
        && !name.equals("<clinit>");
  }

  /**
   * The original local variable count of each selected method: the weaver's own locals go right
   * above it, so the original code and its frames keep their slots. A constructor that stores into
   * slot 0 is left out (its exits could not tell {@code this} from what replaced it).
   */
  private static Map<String, Integer> maxLocals(
      ClassReader reader, Map<String, MethodWeaving> selected) {
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
            boolean constructor = name.equals("<init>");
            return new MethodVisitor(Opcodes.ASM9) {
              private boolean storesIntoThis;

              @Override
              public void visitVarInsn(int opcode, int varIndex) {
                if (constructor && varIndex == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                  storesIntoThis = true;
                }
              }

              @Override
              public void visitIincInsn(int varIndex, int increment) {
                storesIntoThis |= constructor && varIndex == 0;
              }

              @Override
              public void visitMaxs(int maxStack, int maxLocals) {
                if (!storesIntoThis) {
                  result.put(key, maxLocals);
                }
              }
            };
          }
        },
        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return result;
  }
}
