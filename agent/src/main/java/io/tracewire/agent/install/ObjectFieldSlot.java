package io.tracewire.agent.install;

import io.tracewire.bootstrap.FieldHolder;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The slot that holds a class's {@code ObjectField} values: a field {@code tracewire$fields} and
 * the two {@link FieldHolder} methods, added as the class loads.
 */
final class ObjectFieldSlot {

  static final String INTERFACE = "io/tracewire/bootstrap/FieldHolder";
  private static final String FIELD = "tracewire$fields";
  private static final String OBJECT = "Ljava/lang/Object;";

  private ObjectFieldSlot() {}

  /**
   * Interfaces have no instance fields; records and enums have a fixed shape; and a serializable
   * class's default serial version would change with a new interface and methods. A class with an
   * ancestor that cannot be read might be serializable, so it never gets the slot either.
   */
  static boolean canCarry(ClassFileInfo info) {
    return !info.isInterface()
        && info.hasReadableHierarchy()
        && !info.isSubtypeOf("java.lang.Record")
        && !info.isSubtypeOf("java.lang.Enum")
        && !info.isSubtypeOf("java.io.Serializable");
  }

  /** Whether the class was given the slot when it loaded (it implements the interface itself). */
  static boolean isGivenTo(Class<?> type) {
    for (Class<?> direct : type.getInterfaces()) {
      if (direct == FieldHolder.class) {
        return true;
      }
    }
    return false;
  }

  /** The class's interfaces with {@link FieldHolder} added. */
  static String[] withInterface(String[] interfaces) {
    String[] result = java.util.Arrays.copyOf(interfaces, interfaces.length + 1);
    result[interfaces.length] = INTERFACE;
    return result;
  }

  /** Adds the field and the accessors to the class being written. */
  static void addMembers(ClassVisitor writer, String owner) {
    writer
        .visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, FIELD, OBJECT, null, null)
        .visitEnd();
    MethodVisitor get =
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, FIELD, "()" + OBJECT, null, null);
    get.visitCode();
    get.visitVarInsn(Opcodes.ALOAD, 0);
    get.visitFieldInsn(Opcodes.GETFIELD, owner, FIELD, OBJECT);
    get.visitInsn(Opcodes.ARETURN);
    get.visitMaxs(1, 1);
    get.visitEnd();
    MethodVisitor set =
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, FIELD, "(" + OBJECT + ")V", null, null);
    set.visitCode();
    set.visitVarInsn(Opcodes.ALOAD, 0);
    set.visitVarInsn(Opcodes.ALOAD, 1);
    set.visitFieldInsn(Opcodes.PUTFIELD, owner, FIELD, OBJECT);
    set.visitInsn(Opcodes.RETURN);
    set.visitMaxs(2, 2);
    set.visitEnd();
  }
}
