package io.tracewire.agent.install;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves the dispatch calls into one method, equivalent to:
 *
 * <pre>
 * Object self = this;                       // null in a static method
 * Object state = null;
 * Object[] args = new Object[] {arguments...};   // NO_ARGUMENTS when none is read
 * try {
 *   state = AdviceDispatcher.enter(id, type, self, args);
 *   argument = (T) AdviceDispatcher.argument(args, i, argument, T.class);   // replaced ones only
 *   ...original body; at each return:  AdviceDispatcher.exit(id, type, state, self, result, null)
 *      (or result = (R) AdviceDispatcher.exitReturning(id, type, state, self, result, R.class))
 * } catch (Throwable t) {
 *   AdviceDispatcher.exit(id, type, state, self, null, t);
 *   throw t;
 * }
 * </pre>
 *
 * {@code type} is the woven class itself for class-bound ids, else {@code null}. With several ids
 * the entries run in order and the exits in reverse. The catch-all covers the entries and the
 * original body but not the exit calls: an error the JVM raises in an entry (a stack overflow,
 * say) still exits what was entered, and no exit ever runs twice. So it is made of several ranges,
 * registered last in the exception table (the method's own handlers catch first); empty ranges are
 * left out. The weaver's locals sit above the method's original ones, so original instructions and
 * frames keep their slots; each original frame is extended with the weaver's locals. {@code
 * AdviceDispatcher} never throws, and only hands back replacements of the declared type, so the
 * method behaves exactly as before unless an interceptor means it to.
 *
 * <p>A constructor gets its entries before the superclass constructor runs ({@code self} is null
 * there) and its exits, with {@code this}, before each return; it has no catch-all, since an object
 * whose constructor threw is never seen.
 */
final class DispatchMethodVisitor extends MethodVisitor {

  private static final String DISPATCHER = "io/tracewire/bootstrap/AdviceDispatcher";
  private static final String ENTER =
      "(ILjava/lang/Class;Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";
  private static final String EXIT =
      "(ILjava/lang/Class;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V";
  private static final String EXIT_RETURNING =
      "(ILjava/lang/Class;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;";
  private static final String ARGUMENT =
      "([Ljava/lang/Object;ILjava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;";
  private static final String OBJECT = "java/lang/Object";
  private static final String OBJECT_ARRAY = "[Ljava/lang/Object;";
  private static final String THROWABLE = "java/lang/Throwable";

  private final MethodWeaving weaving;
  private final int[] ids;
  private final String owner;
  private final boolean isStatic;
  private final boolean isConstructor;
  /** Whether the method gets a catch-all: not a constructor, and some id has an exit. */
  private final boolean protectsBody;
  private final boolean hasSelfSlot;
  private final Type[] argumentTypes;
  private final Type returnType;
  private final boolean frames;
  /** Class constants need class files of Java 5 or later; older ones pass no class. */
  private final boolean classConstants;
  private final int originalLocals;
  private final int selfSlot;
  private final int firstStateSlot;
  private final int argumentsSlot;
  private final int resultSlot;
  private final int thrownSlot;
  private final Label handler = new Label();
  /** Start and end labels of the protected ranges closed so far. */
  private final List<Label> ranges = new ArrayList<>();
  private Label rangeStart;
  private boolean entered;

  DispatchMethodVisitor(
      MethodVisitor next,
      String owner,
      int access,
      String name,
      String descriptor,
      MethodWeaving weaving,
      int originalLocals,
      int classVersion) {
    super(Opcodes.ASM9, next);
    this.weaving = weaving;
    this.ids = weaving.ids;
    this.owner = owner;
    this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
    this.isConstructor = name.equals("<init>");
    this.protectsBody = !isConstructor && weaving.anyExit();
    this.hasSelfSlot = !isStatic && !isConstructor;
    this.argumentTypes = Type.getArgumentTypes(descriptor);
    this.returnType = Type.getReturnType(descriptor);
    this.frames = (classVersion & 0xFFFF) >= Opcodes.V1_6;
    this.classConstants = (classVersion & 0xFFFF) >= Opcodes.V1_5;
    this.originalLocals = originalLocals;
    this.selfSlot = originalLocals;
    this.firstStateSlot = hasSelfSlot ? originalLocals + 1 : originalLocals;
    this.argumentsSlot = firstStateSlot + ids.length;
    this.resultSlot = argumentsSlot + 1;
    this.thrownSlot = resultSlot + Math.max(1, returnType.getSize());
  }

  /**
   * Writes the entry code once, at the first instruction (after the reader has visited the
   * method's own exception table).
   */
  private void enterOnce() {
    if (entered) {
      return;
    }
    entered = true;
    if (hasSelfSlot) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitVarInsn(Opcodes.ASTORE, selfSlot);
    }
    for (int i = 0; i < ids.length; i++) {
      super.visitInsn(Opcodes.ACONST_NULL);
      super.visitVarInsn(Opcodes.ASTORE, firstStateSlot + i);
    }
    pushArguments();
    super.visitVarInsn(Opcodes.ASTORE, argumentsSlot);
    if (protectsBody) {
      openRange();
    }
    for (int i = 0; i < ids.length; i++) {
      pushInt(ids[i]);
      pushType(i);
      loadSelf();
      super.visitVarInsn(Opcodes.ALOAD, argumentsSlot);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "enter", ENTER, false);
      super.visitVarInsn(Opcodes.ASTORE, firstStateSlot + i);
    }
    reassignReplacedArguments();
  }

  /** Replaceable reference parameters take the value the entries left in the arguments array. */
  private void reassignReplacedArguments() {
    if (!classConstants) {
      return;
    }
    for (int index : weaving.replacedArguments) {
      if (index >= argumentTypes.length || !isReference(argumentTypes[index])) {
        continue;
      }
      int slot = parameterSlot(index);
      super.visitVarInsn(Opcodes.ALOAD, argumentsSlot);
      pushInt(index);
      super.visitVarInsn(Opcodes.ALOAD, slot);
      super.visitLdcInsn(argumentTypes[index]);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "argument", ARGUMENT, false);
      super.visitTypeInsn(Opcodes.CHECKCAST, argumentTypes[index].getInternalName());
      super.visitVarInsn(Opcodes.ASTORE, slot);
    }
  }

  private int parameterSlot(int index) {
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < index; i++) {
      slot += argumentTypes[i].getSize();
    }
    return slot;
  }

  private static boolean isReference(Type type) {
    return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
  }

  private void openRange() {
    rangeStart = new Label();
    super.visitLabel(rangeStart);
  }

  private void closeRange() {
    if (!protectsBody) {
      return;
    }
    Label end = new Label();
    super.visitLabel(end);
    ranges.add(rangeStart);
    ranges.add(end);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    enterOnce();
    if (type != Opcodes.F_NEW) {
      throw new IllegalStateException("frames must be expanded");
    }
    Object[] locals = withWeaverLocals(local, numLocal);
    super.visitFrame(Opcodes.F_NEW, locals.length, locals, numStack, stack);
  }

  /** The frame's locals, padded up to the original local count, then the weaver's own. */
  private Object[] withWeaverLocals(Object[] local, int numLocal) {
    int slots = 0;
    for (int i = 0; i < numLocal; i++) {
      slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    int padding = originalLocals - slots;
    Object[] result = Arrays.copyOf(local, numLocal + padding + weaverLocalCount());
    int next = numLocal;
    for (int i = 0; i < padding; i++) {
      result[next++] = Opcodes.TOP;
    }
    appendWeaverLocals(result, next);
    return result;
  }

  private int weaverLocalCount() {
    return (hasSelfSlot ? 1 : 0) + ids.length + 1;
  }

  private void appendWeaverLocals(Object[] locals, int from) {
    int next = from;
    if (hasSelfSlot) {
      locals[next++] = OBJECT;
    }
    for (int i = 0; i < ids.length; i++) {
      locals[next++] = OBJECT;
    }
    locals[next] = OBJECT_ARRAY;
  }

  @Override
  public void visitLabel(Label label) {
    enterOnce();
    super.visitLabel(label);
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    enterOnce();
    super.visitLineNumber(line, start);
  }

  @Override
  public void visitInsn(int opcode) {
    enterOnce();
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      closeRange();
      exitOnReturn(opcode);
      super.visitInsn(opcode);
      openRange();
    } else {
      super.visitInsn(opcode);
    }
  }

  private void exitOnReturn(int opcode) {
    boolean hasResult = opcode != Opcodes.RETURN;
    if (hasResult) {
      super.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), resultSlot);
    }
    invokeExits(hasResult, false);
    if (hasResult) {
      super.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), resultSlot);
    }
  }

  /** Whether the exit of id number {@code index} may replace the value being returned. */
  private boolean replacesReturn(int index, boolean withResult) {
    return withResult
        && weaving.replacesReturn[index]
        && classConstants
        && isReference(returnType);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    enterOnce();
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    enterOnce();
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    enterOnce();
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    enterOnce();
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    enterOnce();
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name, String descriptor, org.objectweb.asm.Handle bootstrap, Object... arguments) {
    enterOnce();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    enterOnce();
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    enterOnce();
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    enterOnce();
    super.visitIincInsn(varIndex, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    enterOnce();
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    enterOnce();
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    enterOnce();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    enterOnce();
    if (!protectsBody) {
      super.visitMaxs(maxStack, maxLocals);
      return;
    }
    closeRange();
    super.visitLabel(handler);
    if (frames) {
      Object[] locals = new Object[originalLocals + weaverLocalCount()];
      Arrays.fill(locals, 0, originalLocals, Opcodes.TOP);
      appendWeaverLocals(locals, originalLocals);
      super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {THROWABLE});
    }
    super.visitVarInsn(Opcodes.ASTORE, thrownSlot);
    invokeExits(false, true);
    super.visitVarInsn(Opcodes.ALOAD, thrownSlot);
    super.visitInsn(Opcodes.ATHROW);
    // Registered now, after the method's own entries (the class writer's COMPUTE_MAXS adds the
    // handler edges at visitMaxs). Every label has its offset by now, which needs the next visitor
    // to be the class writer itself (DispatchWeaver sees to it), so an empty range, which the JVM
    // would reject, is left out.
    for (int i = 0; i < ranges.size(); i += 2) {
      Label start = ranges.get(i);
      Label end = ranges.get(i + 1);
      if (start.getOffset() < end.getOffset()) {
        super.visitTryCatchBlock(start, end, handler, THROWABLE);
      }
    }
    // Recomputed by the writer (COMPUTE_MAXS).
    super.visitMaxs(maxStack, maxLocals);
  }

  /**
   * Calls each exit, the last entered first, with the value in the result slot and the throwable
   * in the thrown slot where asked (else {@code null}).
   */
  private void invokeExits(boolean withResult, boolean withThrown) {
    for (int i = ids.length - 1; i >= 0; i--) {
      if (!weaving.exits[i]) {
        continue;
      }
      pushInt(ids[i]);
      pushType(i);
      super.visitVarInsn(Opcodes.ALOAD, firstStateSlot + i);
      loadExitSelf();
      if (replacesReturn(i, withResult)) {
        super.visitVarInsn(Opcodes.ALOAD, resultSlot);
        super.visitLdcInsn(returnType);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "exitReturning", EXIT_RETURNING, false);
        super.visitTypeInsn(Opcodes.CHECKCAST, returnType.getInternalName());
        super.visitVarInsn(Opcodes.ASTORE, resultSlot);
        continue;
      }
      if (withResult) {
        super.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), resultSlot);
        box(returnType);
      } else {
        super.visitInsn(Opcodes.ACONST_NULL);
      }
      if (withThrown) {
        super.visitVarInsn(Opcodes.ALOAD, thrownSlot);
      } else {
        super.visitInsn(Opcodes.ACONST_NULL);
      }
      super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "exit", EXIT, false);
    }
  }

  /** The receiver as entries see it: none in static methods, nor before a constructor's super(). */
  private void loadSelf() {
    if (hasSelfSlot) {
      super.visitVarInsn(Opcodes.ALOAD, selfSlot);
    } else {
      super.visitInsn(Opcodes.ACONST_NULL);
    }
  }

  /** The receiver as exits see it: a constructor's {@code this} is initialized by its returns. */
  private void loadExitSelf() {
    if (isConstructor) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
    } else {
      loadSelf();
    }
  }

  /** The woven class for a class-bound id (so its interceptor is found per class), else null. */
  private void pushType(int index) {
    if (weaving.classBound[index] && classConstants) {
      super.visitLdcInsn(Type.getObjectType(owner));
    } else {
      super.visitInsn(Opcodes.ACONST_NULL);
    }
  }

  private void pushArguments() {
    if (argumentTypes.length == 0 || !weaving.readsArguments) {
      super.visitFieldInsn(Opcodes.GETSTATIC, DISPATCHER, "NO_ARGUMENTS", OBJECT_ARRAY);
      return;
    }
    pushInt(argumentTypes.length);
    super.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < argumentTypes.length; i++) {
      Type type = argumentTypes[i];
      super.visitInsn(Opcodes.DUP);
      pushInt(i);
      super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
      box(type);
      super.visitInsn(Opcodes.AASTORE);
      slot += type.getSize();
    }
  }

  private void pushInt(int value) {
    if (value >= -1 && value <= 5) {
      super.visitInsn(Opcodes.ICONST_0 + value);
    } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      super.visitIntInsn(Opcodes.BIPUSH, value);
    } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      super.visitIntInsn(Opcodes.SIPUSH, value);
    } else {
      super.visitLdcInsn(value);
    }
  }

  /** Boxes the primitive on top of the stack; references stay as they are. */
  private void box(Type type) {
    String boxed;
    switch (type.getSort()) {
      case Type.BOOLEAN:
        boxed = "java/lang/Boolean";
        break;
      case Type.CHAR:
        boxed = "java/lang/Character";
        break;
      case Type.BYTE:
        boxed = "java/lang/Byte";
        break;
      case Type.SHORT:
        boxed = "java/lang/Short";
        break;
      case Type.INT:
        boxed = "java/lang/Integer";
        break;
      case Type.FLOAT:
        boxed = "java/lang/Float";
        break;
      case Type.LONG:
        boxed = "java/lang/Long";
        break;
      case Type.DOUBLE:
        boxed = "java/lang/Double";
        break;
      default:
        return;
    }
    super.visitMethodInsn(
        Opcodes.INVOKESTATIC, boxed, "valueOf", "(" + type.getDescriptor() + ")L" + boxed + ";", false);
  }
}
