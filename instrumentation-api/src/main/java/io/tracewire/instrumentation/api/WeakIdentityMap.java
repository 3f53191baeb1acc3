package io.tracewire.instrumentation.api;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A concurrent map from application objects (connections, statements) to what an instrumentation
 * remembers about them. Keys are compared by identity and held weakly, so the agent never keeps
 * an application object, or its class loader, alive; entries of collected keys are purged as new
 * ones are added.
 */
public final class WeakIdentityMap<K, V> {

  private final ConcurrentHashMap<Object, V> entries = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> collected = new ReferenceQueue<>();

  public V get(K key) {
    return key == null ? null : entries.get(new Lookup(key));
  }

  public void put(K key, V value) {
    if (key == null || value == null) {
      return;
    }
    purge();
    entries.put(new WeakKey<>(key, collected), value);
  }

  /** The value for {@code key}, computing and storing it when absent. */
  public V computeIfAbsent(K key, Function<? super K, ? extends V> compute) {
    V value = get(key);
    if (value == null) {
      purge();
      V computed = compute.apply(key);
      V raced = entries.putIfAbsent(new WeakKey<>(key, collected), computed);
      value = raced != null ? raced : computed;
    }
    return value;
  }

  public void remove(K key) {
    if (key != null) {
      entries.remove(new Lookup(key));
    }
  }

  /** Live entries (approximate: collected keys not yet purged are counted). */
  public int size() {
    purge();
    return entries.size();
  }

  private void purge() {
    Object reference;
    while ((reference = collected.poll()) != null) {
      entries.remove(reference);
    }
  }

  /** The stored key: weak, with the identity hash of its referent kept for after collection. */
  private static final class WeakKey<K> extends WeakReference<K> {
    private final int hash;

    WeakKey(K referent, ReferenceQueue<K> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object referent = get();
      if (other instanceof Lookup) {
        return referent != null && referent == ((Lookup) other).key;
      }
      return other instanceof WeakKey && referent != null && referent == ((WeakKey<?>) other).get();
    }
  }

  /** A short-lived strong key for look-ups. */
  private static final class Lookup {
    private final Object key;

    Lookup(Object key) {
      this.key = key;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WeakKey && ((WeakKey<?>) other).get() == key;
    }
  }
}
