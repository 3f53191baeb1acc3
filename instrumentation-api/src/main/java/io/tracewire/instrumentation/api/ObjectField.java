package io.tracewire.instrumentation.api;

import io.tracewire.bootstrap.FieldHolder;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-object state for an instrumentation (a statement's SQL, say), kept in a field the agent adds
 * to the object's class as it loads ({@link TypeInstrumentation.Builder#withObjectField}), and in
 * a weak identity map for objects whose class loaded before the agent. A field costs a read; a weak
 * map costs a weak reference and a hash-map entry per object, which the garbage collector then
 * processes.
 *
 * <p>All fields of one object share the one added slot: an array indexed by field, whose last
 * element is the object it belongs to ({@code Object.clone()} copies the slot, and a clone must
 * not share its original's values). A value is set
 * where the object is made or first seen and read later, on any thread; two fields set at the same
 * moment for the first time on one object may lose one of the two values (never anything else).
 */
public final class ObjectField<T> {

  private static final AtomicInteger COUNT = new AtomicInteger();
  /** Slots in each object's array: fields are few, and made when modules are set up. */
  private static final int SLOTS = 8;

  private final int index;
  private final WeakIdentityMap<Object, T> fallback = new WeakIdentityMap<>();

  private ObjectField(int index) {
    this.index = index;
  }

  /**
   * A new field; make it once, when a module is set up. Past the slot count, fields keep their
   * values in the weak map only.
   */
  public static <T> ObjectField<T> create() {
    return new ObjectField<>(COUNT.getAndIncrement());
  }

  @SuppressWarnings("unchecked")
  public T get(Object object) {
    if (index < SLOTS && object instanceof FieldHolder) {
      Object[] values = valuesOf(object);
      return values == null ? null : (T) values[index];
    }
    return fallback.get(object);
  }

  public void set(Object object, T value) {
    if (index < SLOTS && object instanceof FieldHolder) {
      Object[] values = valuesOf(object);
      if (values == null) {
        values = new Object[SLOTS + 1];
        values[SLOTS] = object;
        ((FieldHolder) object).tracewire$fields(values);
      }
      values[index] = value;
    } else if (object != null) {
      if (value == null) {
        fallback.remove(object);
      } else {
        fallback.put(object, value);
      }
    }
  }

  /** The object's own values: none yet, or only a clone's copy of its original's. */
  private static Object[] valuesOf(Object object) {
    Object[] values = (Object[]) ((FieldHolder) object).tracewire$fields();
    return values != null && values[SLOTS] == object ? values : null;
  }

  /** The value, computing and storing it when there is none. */
  public T computeIfAbsent(Object object, java.util.function.Function<Object, T> compute) {
    T value = get(object);
    if (value == null) {
      value = compute.apply(object);
      set(object, value);
    }
    return value;
  }
}
