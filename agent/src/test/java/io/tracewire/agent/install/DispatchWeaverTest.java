package io.tracewire.agent.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.bootstrap.Interceptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Weaves {@link WeavingSubject} into a fresh class loader (so the JVM verifies the result) and
 * checks that every method behaves as before while its interceptor sees each call.
 */
class DispatchWeaverTest {

  private static final String SUBJECT = WeavingSubject.class.getName();

  private final RecordingInterceptor first = new RecordingInterceptor("first");
  private final RecordingInterceptor second = new RecordingInterceptor("second");
  private final int firstId = AdviceDispatcher.register(first);
  private final int secondId = AdviceDispatcher.register(second);
  private Class<?> woven;
  private Object subject;

  @BeforeEach
  void weaveEveryMethod() throws Exception {
    byte[] original = ClassFiles.read(getClass().getClassLoader(), SUBJECT.replace('.', '/'));
    Map<String, int[]> ids = new HashMap<>();
    for (Method method : WeavingSubject.class.getDeclaredMethods()) {
      int[] bound =
          method.getName().equals("add") ? new int[] {firstId, secondId} : new int[] {firstId};
      ids.put(method.getName() + org.objectweb.asm.Type.getMethodDescriptor(method), bound);
    }
    woven = new SingleClassLoader(SUBJECT, DispatchWeaver.weave(original, ids)).loadClass(SUBJECT);
    subject = woven.getConstructor().newInstance();
  }

  @Test
  void entersAndExitsWithArgumentsAndResult() throws Exception {
    assertEquals(5, call("add", 2, 3));
    assertEquals(List.of("enter add [2, 3]", "exit add 5"), first.events);
  }

  @Test
  void severalInterceptorsEnterInOrderAndExitInReverse() throws Exception {
    call("add", 1, 1);
    assertEquals(List.of("first enter", "second enter", "second exit", "first exit"), RecordingInterceptor.order);
  }

  @Test
  void staticMethodsSeeNoReceiver() throws Exception {
    assertEquals(25L, call("scale", 10L, 2.5d));
    assertNull(first.lastSelf);
    assertEquals(List.of("enter scale [10, 2.5]", "exit scale 25"), first.events);
  }

  @Test
  void instanceMethodsSeeTheirReceiver() throws Exception {
    call("record", "a");
    assertSame(subject, first.lastSelf);
    assertEquals(List.of("enter record [a]", "exit record null"), first.events);
  }

  @Test
  void everyPrimitiveArgumentIsBoxed() throws Exception {
    assertEquals(true, call("flag", true, 'x', (byte) 1, (short) 2, 0.75f));
    assertEquals(List.of("enter flag [true, x, 1, 2, 0.75]", "exit flag true"), first.events);
  }

  @Test
  void thrownExceptionsReachTheInterceptorAndTheCaller() throws Exception {
    InvocationTargetException error =
        assertThrows(InvocationTargetException.class, () -> call("fail", "boom"));
    assertTrue(error.getCause() instanceof IllegalStateException);
    assertEquals("boom", error.getCause().getMessage());
    assertSame(error.getCause(), first.lastThrown);
    assertEquals(List.of("enter fail [boom]", "thrown fail boom"), first.events);
  }

  @Test
  void theMethodsOwnHandlersCatchFirst() throws Exception {
    assertEquals(-4, call("recover", 4));
    assertEquals(List.of("enter recover [4]", "exit recover -4"), first.events);
    assertEquals(List.of("finally"), log());
  }

  @Test
  void loopsAndBranchesKeepWorking() throws Exception {
    assertEquals(sumTo(100), call("sumTo", 100));
    assertEquals(0, call("countDown", 10));
    assertEquals("seven x", call("describe", "x", 7));
    assertEquals("other y", call("describe", "y", 3));
    assertEquals(2.0d, call("divide", 5.0d, 2.5d));
    assertThrows(InvocationTargetException.class, () -> call("divide", 1.0d, 0.0d));
    assertEquals("thrown divide infinite", first.events.get(first.events.size() - 1));
  }

  @Test
  void arraysAreReturnedUnchanged() throws Exception {
    assertArrayEquals(new String[] {"a", "b"}, (String[]) call("split", "a,b"));
  }

  @Test
  void aFailingInterceptorNeverReachesTheMethod() throws Exception {
    first.failing = true;
    assertEquals(7, call("add", 3, 4));
    assertThrows(InvocationTargetException.class, () -> call("fail", "still thrown"));
  }

  @Test
  void theCatchAllCoversEveryEntryButNoExit() {
    byte[] original = ClassFiles.read(getClass().getClassLoader(), SUBJECT.replace('.', '/'));
    Map<String, int[]> ids = new HashMap<>();
    for (Method method : WeavingSubject.class.getDeclaredMethods()) {
      ids.put(method.getName() + org.objectweb.asm.Type.getMethodDescriptor(method), new int[] {firstId, secondId});
    }
    Map<String, int[]> coverage = DispatchCallCoverage.of(DispatchWeaver.weave(original, ids));
    assertEquals(ids.keySet(), coverage.keySet());
    coverage.forEach(
        (method, counts) -> {
          assertEquals(2, counts[0], method + ": entries inside the catch-all");
          assertEquals(0, counts[1], method + ": entries outside it");
          assertEquals(0, counts[2], method + ": exits inside it");
          assertTrue(counts[3] >= 2, method + ": exits outside it");
        });
  }

  @Test
  void aMethodThatWouldOutgrow64KiBIsLeftAloneAndTheRestWoven() throws Exception {
    Map<String, int[]> ids = new HashMap<>();
    ids.put("huge()I", new int[] {firstId});
    ids.put("small()I", new int[] {firstId});
    byte[] woven = DispatchWeaver.weave(classWithAHugeMethod(), ids);
    Class<?> type = new SingleClassLoader("Huge", woven).loadClass("Huge");
    assertEquals(1, type.getMethod("huge").invoke(null));
    assertEquals(2, type.getMethod("small").invoke(null));
    assertEquals(List.of("enter small []", "exit small 2"), first.events);
  }

  /** {@code Huge.huge()} fills 65,502 of the 65,535 bytes a method may have; {@code Huge.small()} is tiny. */
  private static byte[] classWithAHugeMethod() {
    org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
    writer.visit(org.objectweb.asm.Opcodes.V11, org.objectweb.asm.Opcodes.ACC_PUBLIC, "Huge", null, "java/lang/Object", null);
    org.objectweb.asm.MethodVisitor huge =
        writer.visitMethod(org.objectweb.asm.Opcodes.ACC_PUBLIC | org.objectweb.asm.Opcodes.ACC_STATIC, "huge", "()I", null, null);
    huge.visitCode();
    for (int i = 0; i < 32_750; i++) {
      huge.visitInsn(org.objectweb.asm.Opcodes.ICONST_0);
      huge.visitInsn(org.objectweb.asm.Opcodes.POP);
    }
    huge.visitInsn(org.objectweb.asm.Opcodes.ICONST_1);
    huge.visitInsn(org.objectweb.asm.Opcodes.IRETURN);
    huge.visitMaxs(0, 0);
    huge.visitEnd();
    org.objectweb.asm.MethodVisitor small =
        writer.visitMethod(org.objectweb.asm.Opcodes.ACC_PUBLIC | org.objectweb.asm.Opcodes.ACC_STATIC, "small", "()I", null, null);
    small.visitCode();
    small.visitInsn(org.objectweb.asm.Opcodes.ICONST_2);
    small.visitInsn(org.objectweb.asm.Opcodes.IRETURN);
    small.visitMaxs(0, 0);
    small.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  @Test
  void classFilesWithoutStackMapFramesAreWovenWithoutFrames() throws Exception {
    byte[] java5 = asJava5ClassFile(ClassFiles.read(getClass().getClassLoader(), SUBJECT.replace('.', '/')));
    Map<String, int[]> ids = new HashMap<>();
    ids.put("sumTo(I)J", new int[] {firstId});
    ids.put("recover(I)I", new int[] {firstId});
    Class<?> old = new SingleClassLoader(SUBJECT, DispatchWeaver.weave(java5, ids)).loadClass(SUBJECT);
    Object instance = old.getConstructor().newInstance();
    assertEquals(sumTo(10), old.getMethod("sumTo", int.class).invoke(instance, 10));
    assertEquals(-3, old.getMethod("recover", int.class).invoke(instance, 3));
    assertEquals(List.of("enter sumTo [10]", "exit sumTo 80", "enter recover [3]", "exit recover -3"), first.events);
  }

  /** The class as a Java 5 compiler would write it: version 49, no stack map frames. */
  private static byte[] asJava5ClassFile(byte[] classfile) {
    org.objectweb.asm.ClassReader reader = new org.objectweb.asm.ClassReader(classfile);
    org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
    reader.accept(
        new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9, writer) {
          @Override
          public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            super.visit(org.objectweb.asm.Opcodes.V1_5, access, name, signature, superName, interfaces);
          }

          @Override
          public org.objectweb.asm.MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            // Its string concatenation is an invokedynamic, which version 49 cannot hold.
            return name.equals("describe") ? null : super.visitMethod(access, name, descriptor, signature, exceptions);
          }

          @Override
          public void visitNestMember(String nestMember) {}

          @Override
          public void visitNestHost(String nestHost) {}
        },
        org.objectweb.asm.ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  private static long sumTo(int limit) {
    return new WeavingSubject().sumTo(limit);
  }

  @SuppressWarnings("unchecked")
  private List<String> log() throws Exception {
    return (List<String>) woven.getMethod("log").invoke(subject);
  }

  private Object call(String name, Object... args) throws Exception {
    for (Method method : woven.getDeclaredMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        return method.invoke(subject, args);
      }
    }
    throw new AssertionError("no method " + name);
  }

  private static final class RecordingInterceptor implements Interceptor {
    static final List<String> order = new ArrayList<>();
    final String label;
    final List<String> events = new ArrayList<>();
    Object lastSelf;
    Throwable lastThrown;
    boolean failing;

    RecordingInterceptor(String label) {
      this.label = label;
      order.clear();
    }

    @Override
    public Object onEnter(Object self, Object[] args) {
      if (failing) {
        throw new IllegalStateException("interceptor failure");
      }
      lastSelf = self;
      String method = StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst()).get().getMethodName();
      events.add("enter " + method + " " + java.util.Arrays.toString(args));
      order.add(label + " enter");
      return method;
    }

    @Override
    public void onExit(Object state, Object self, Object returned, Throwable thrown) {
      if (failing) {
        throw new IllegalStateException("interceptor failure");
      }
      // The state (the method name) shows in the event: a lost state would read "null".
      lastThrown = thrown;
      events.add(thrown == null ? "exit " + state + " " + returned : "thrown " + state + " " + thrown.getMessage());
      order.add(label + " exit");
    }
  }
}
