package io.tracewire.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.bootstrap.ClassBoundInterceptor;
import io.tracewire.bootstrap.Interceptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The interception contract beyond enter and exit: replaced arguments and return values,
 * constructors, class-bound interceptors, the shared arguments array and the re-entry guard. Each
 * woven class is defined in a fresh loader, so the JVM verifies it.
 */
class DispatchWeaverContractTest {

  private static final String SUBJECT = ReplacingSubject.class.getName();

  private final Map<String, MethodWeaving> weavings = new HashMap<>();
  private Class<?> woven;

  @Test
  void anArgumentOfTheDeclaredTypeReplacesTheOriginal() throws Exception {
    int id = register((self, args) -> args[0] = "REPLACED");
    weave("greet(Ljava/lang/String;I)Ljava/lang/String;", replacingArgument(id, 0));
    assertEquals("hello REPLACED x2", call("greet", "bob", 2));
  }

  @Test
  void anArgumentOfAnotherTypeIsIgnoredNeverCast() throws Exception {
    int id =
        register(
            (self, args) -> {
              args[0] = 42;
              args[1] = "not an int";
              return null;
            });
    weave("greet(Ljava/lang/String;I)Ljava/lang/String;", replacingArgument(id, 0, 1));
    assertEquals("hello bob x2", call("greet", "bob", 2));
  }

  @Test
  void aStaticMethodsArgumentIsReplaced() throws Exception {
    int id = register((self, args) -> args[0] = "quiet");
    weave("shout(Ljava/lang/String;)Ljava/lang/String;", replacingArgument(id, 0));
    assertEquals("QUIET", woven.getMethod("shout", String.class).invoke(null, "loud"));
  }

  @Test
  void aReturnValueOfTheDeclaredTypeReplacesTheOriginal() throws Exception {
    List<String> replacement = List.of("replaced");
    int id = AdviceDispatcher.register(returning((state, returned) -> replacement));
    weave("items(Z)Ljava/util/List;", replacingReturn(id));
    assertSame(replacement, call("items", false));
    StringBuilder builder = new StringBuilder("built");
    int other = AdviceDispatcher.register(returning((state, returned) -> builder));
    weavings.clear();
    weave("describe()Ljava/lang/CharSequence;", replacingReturn(other));
    assertSame(builder, call("describe"));
  }

  @Test
  void aReturnValueOfAnotherTypeOrNullIsIgnored() throws Exception {
    int wrongType = AdviceDispatcher.register(returning((state, returned) -> "not a list"));
    int nulled = AdviceDispatcher.register(returning((state, returned) -> null));
    weave("items(Z)Ljava/util/List;", replacingReturn(wrongType).and(replacingReturn(nulled)));
    assertEquals(List.of("a"), call("items", false));
  }

  @Test
  void aThrowingMethodStillReachesOnExitWhenItsReturnIsReplaceable() throws Exception {
    List<Throwable> seen = new ArrayList<>();
    int id =
        AdviceDispatcher.register(
            new Interceptor() {
              @Override
              public Object onEnter(Object self, Object[] args) {
                return null;
              }

              @Override
              public void onExit(Object state, Object self, Object returned, Throwable thrown) {
                seen.add(thrown);
              }

              @Override
              public Object onReturn(Object state, Object self, Object returned) {
                return "x";
              }
            });
    weave("count(Ljava/lang/String;)I", replacingReturn(id));
    assertThrows(WrappedCall.class, () -> call("count", (Object) null));
    assertTrue(seen.get(0) instanceof NullPointerException);
    // A primitive result is never replaced.
    assertEquals(3, call("count", "abc"));
  }

  @Test
  void anEntryOnlyInterceptionHasNoExitCallAndNoCatchAll() throws Exception {
    List<String> events = new ArrayList<>();
    int id = AdviceDispatcher.register(recorder(events));
    weave(
        "count(Ljava/lang/String;)I",
        new MethodWeaving(new int[] {id}, new boolean[1], new boolean[1], new boolean[1], new int[0], true));
    assertEquals(3, call("count", "abc"));
    assertThrows(WrappedCall.class, () -> call("count", (Object) null));
    assertEquals(List.of("enter", "enter"), events);
    byte[] original = ClassFiles.read(getClass().getClassLoader(), SUBJECT.replace('.', '/'));
    int[] counts = DispatchCallCoverage.of(DispatchWeaver.weaveMethods(original, weavings)).get("count(Ljava/lang/String;)I");
    assertEquals(0, counts[0] + counts[2] + counts[3], "no catch-all, no exit call");
  }

  @Test
  void constructorsExitWithTheNewObjectAfterEnteringWithoutIt() throws Exception {
    List<String> events = new ArrayList<>();
    int id =
        AdviceDispatcher.register(
            new Interceptor() {
              @Override
              public Object onEnter(Object self, Object[] args) {
                events.add("enter self=" + self + " args=" + java.util.Arrays.toString(args));
                return "state";
              }

              @Override
              @SuppressWarnings("unchecked")
              public void onExit(Object state, Object self, Object returned, Throwable thrown) {
                events.add("exit " + state + " " + self.getClass().getSimpleName());
                try {
                  ((List<String>) self.getClass().getField("log").get(self)).add("touched");
                } catch (ReflectiveOperationException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    weave("<init>(Ljava/lang/String;)V", MethodWeaving.plain(id));
    weave("<init>()V", MethodWeaving.plain(id));
    Constructor<?> withLabel = woven.getConstructor(String.class);
    Object made = withLabel.newInstance("x");
    assertEquals(List.of("enter self=null args=[x]", "exit state ReplacingSubject"), events);
    assertEquals(List.of("touched"), woven.getField("log").get(made));
    // this(...) delegation runs both constructors' interceptions, innermost exit first.
    events.clear();
    woven.getConstructor().newInstance();
    assertEquals(4, events.size(), events.toString());
    // A constructor that throws exits nothing: its object is never seen.
    events.clear();
    assertThrows(InvocationTargetException.class, () -> withLabel.newInstance(""));
    assertEquals(List.of("enter self=null args=[]"), events);
  }

  @Test
  void constructorArgumentsAreReplaced() throws Exception {
    int id = register((self, args) -> args[0] = "replaced");
    weave("<init>(Ljava/lang/String;)V", replacingArgument(id, 0));
    assertEquals("replaced", woven.getField("label").get(woven.getConstructor(String.class).newInstance("x")));
  }

  @Test
  void classBoundInterceptorsAreFoundThroughTheWovenClass() throws Exception {
    List<Class<?>> asked = new ArrayList<>();
    ClassBoundInterceptor perClass =
        type -> {
          asked.add(type);
          return recorder(new ArrayList<>());
        };
    int id = AdviceDispatcher.register(perClass);
    weave(
        "echo(Ljava/lang/String;)Ljava/lang/String;",
        new MethodWeaving(new int[] {id}, new boolean[] {true}, new boolean[1], new int[0], true));
    assertEquals("hi", call("echo", "hi"));
    assertEquals(List.of(woven, woven), asked);
  }

  @Test
  void interceptorsShareOneArgumentsArrayAndNoneIsBuiltWhenUnread() throws Exception {
    List<Object[]> arrays = new ArrayList<>();
    int first = register((self, args) -> arrays.add(args));
    int second = register((self, args) -> arrays.add(args));
    weave("echo(Ljava/lang/String;)Ljava/lang/String;", MethodWeaving.plain(first, second));
    weave(
        "describe()Ljava/lang/CharSequence;", MethodWeaving.plain(first));
    weave(
        "shout(Ljava/lang/String;)Ljava/lang/String;",
        new MethodWeaving(new int[] {first}, new boolean[1], new boolean[1], new int[0], false));
    call("echo", "x");
    assertSame(arrays.get(0), arrays.get(1));
    call("describe");
    woven.getMethod("shout", String.class).invoke(null, "y");
    assertSame(AdviceDispatcher.NO_ARGUMENTS, arrays.get(2));
    assertSame(AdviceDispatcher.NO_ARGUMENTS, arrays.get(3));
  }

  @Test
  void wovenCallsMadeByAnInterceptorOrSilentlyDispatchToNothing() throws Exception {
    List<String> events = new ArrayList<>();
    Object[] subject = new Object[1];
    int id =
        register(
            (self, args) -> {
              events.add("enter " + args[0]);
              if ("outer".equals(args[0])) {
                try {
                  // The interceptor's own call of a woven method is not intercepted.
                  woven.getMethod("echo", String.class).invoke(subject[0], "inner");
                } catch (ReflectiveOperationException e) {
                  throw new IllegalStateException(e);
                }
              }
              return null;
            });
    weave("echo(Ljava/lang/String;)Ljava/lang/String;", MethodWeaving.plain(id));
    subject[0] = woven.getConstructor().newInstance();
    callOn(subject[0], "echo", "outer");
    assertEquals(List.of("enter outer"), events);
    AdviceDispatcher.silently(() -> callOn(subject[0], "echo", "silent"));
    assertEquals(List.of("enter outer"), events);
    callOn(subject[0], "echo", "after");
    assertEquals(List.of("enter outer", "enter after"), events);
  }

  @Test
  void aClassGivenTheObjectFieldSlotKeepsValuesPerInstance() throws Exception {
    int id = register((self, args) -> null);
    byte[] original = ClassFiles.read(getClass().getClassLoader(), SUBJECT.replace('.', '/'));
    Map<String, MethodWeaving> echo = Map.of("echo(Ljava/lang/String;)Ljava/lang/String;", MethodWeaving.plain(id));
    byte[] withSlot = DispatchWeaver.weaveMethods(original, echo, true);
    woven = new SingleClassLoader(SUBJECT, withSlot).loadClass(SUBJECT);
    assertTrue(io.tracewire.bootstrap.FieldHolder.class.isAssignableFrom(woven));
    io.tracewire.bootstrap.FieldHolder first =
        (io.tracewire.bootstrap.FieldHolder) woven.getConstructor(String.class).newInstance("a");
    io.tracewire.bootstrap.FieldHolder second =
        (io.tracewire.bootstrap.FieldHolder) woven.getConstructor(String.class).newInstance("b");
    first.tracewire$fields("state of a");
    assertEquals("state of a", first.tracewire$fields());
    assertNull(second.tracewire$fields());
    assertEquals("hi", call("echo", "hi"));
    // The slot only: a class can get it without a woven method.
    byte[] slotOnly = DispatchWeaver.weaveMethods(original, Map.of(), true);
    Class<?> plain = new SingleClassLoader(SUBJECT, slotOnly).loadClass(SUBJECT);
    assertTrue(io.tracewire.bootstrap.FieldHolder.class.isAssignableFrom(plain));
    assertTrue(ObjectFieldSlot.isGivenTo(plain));
    // Its field is transient and synthetic: no serial form, no source-level member.
    java.lang.reflect.Field field = plain.getDeclaredField("tracewire$fields");
    assertTrue(java.lang.reflect.Modifier.isTransient(field.getModifiers()) && field.isSynthetic());
  }

  @Test
  void objectFieldValuesGoToTheSlotOrToAWeakMap() throws Exception {
    io.tracewire.instrumentation.api.ObjectField<String> field =
        io.tracewire.instrumentation.api.ObjectField.create();
    byte[] original = ClassFiles.read(getClass().getClassLoader(), SUBJECT.replace('.', '/'));
    Class<?> withSlot = new SingleClassLoader(SUBJECT, DispatchWeaver.weaveMethods(original, Map.of(), true)).loadClass(SUBJECT);
    Object holder = withSlot.getConstructor(String.class).newInstance("x");
    Object other = new ReplacingSubject("y");
    field.set(holder, "in the slot");
    field.set(other, "in the map");
    assertEquals("in the slot", field.get(holder));
    assertEquals("in the slot", ((Object[]) ((io.tracewire.bootstrap.FieldHolder) holder).tracewire$fields())[fieldIndex(field)]);
    assertEquals("in the map", field.get(other));
    assertEquals("computed", field.computeIfAbsent(new ReplacingSubject("z"), ignored -> "computed"));
    // A copy of the slot (what Object.clone() makes) is no value of the copy's own.
    Object copy = withSlot.getConstructor(String.class).newInstance("copy");
    ((io.tracewire.bootstrap.FieldHolder) copy).tracewire$fields(((io.tracewire.bootstrap.FieldHolder) holder).tracewire$fields());
    assertNull(field.get(copy));
    field.set(copy, "the copy's own");
    assertEquals("in the slot", field.get(holder));
    assertEquals("the copy's own", field.get(copy));
  }

  private static int fieldIndex(io.tracewire.instrumentation.api.ObjectField<?> field) throws Exception {
    java.lang.reflect.Field index = field.getClass().getDeclaredField("index");
    index.setAccessible(true);
    return index.getInt(field);
  }

  // --- helpers

  private void weave(String method, MethodWeaving weaving) throws Exception {
    weavings.put(method, weaving);
    byte[] original = ClassFiles.read(getClass().getClassLoader(), SUBJECT.replace('.', '/'));
    woven = new SingleClassLoader(SUBJECT, DispatchWeaver.weaveMethods(original, weavings)).loadClass(SUBJECT);
  }

  private Object call(String name, Object... args) throws Exception {
    return callOn(woven.getConstructor(String.class).newInstance("subject"), name, args);
  }

  private Object callOn(Object target, String name, Object... args) {
    for (Method method : woven.getDeclaredMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        try {
          return method.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw new WrappedCall(e);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionError("no method " + name);
  }

  private static MethodWeaving replacingArgument(int id, int... indices) {
    return new MethodWeaving(new int[] {id}, new boolean[1], new boolean[1], indices, true);
  }

  private static MethodWeaving replacingReturn(int id) {
    return new MethodWeaving(new int[] {id}, new boolean[1], new boolean[] {true}, new int[0], true);
  }

  private static int register(BiFunction<Object, Object[], Object> onEnter) {
    return AdviceDispatcher.register(
        new Interceptor() {
          @Override
          public Object onEnter(Object self, Object[] args) {
            return onEnter.apply(self, args);
          }

          @Override
          public void onExit(Object state, Object self, Object returned, Throwable thrown) {}
        });
  }

  private static Interceptor returning(BiFunction<Object, Object, Object> onReturn) {
    return new Interceptor() {
      @Override
      public Object onEnter(Object self, Object[] args) {
        return "state";
      }

      @Override
      public void onExit(Object state, Object self, Object returned, Throwable thrown) {}

      @Override
      public Object onReturn(Object state, Object self, Object returned) {
        return onReturn.apply(state, returned);
      }
    };
  }

  private static Interceptor recorder(List<String> events) {
    return new Interceptor() {
      @Override
      public Object onEnter(Object self, Object[] args) {
        events.add("enter");
        return null;
      }

      @Override
      public void onExit(Object state, Object self, Object returned, Throwable thrown) {
        events.add("exit");
        assertNull(thrown);
      }
    };
  }

  /** An exception the called method threw, as the test sees it. */
  private static final class WrappedCall extends RuntimeException {
    WrappedCall(InvocationTargetException cause) {
      super(cause.getCause());
    }
  }
}
