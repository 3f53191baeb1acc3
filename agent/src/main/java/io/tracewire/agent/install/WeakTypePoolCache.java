package io.tracewire.agent.install;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Caches type descriptions per class loader, weakly keyed, so matching a class's supertypes does
 * not re-read the same class files again and again, and a class loader the application drops is
 * not kept alive by the agent.
 */
final class WeakTypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {

  private final Map<ClassLoader, TypePool.CacheProvider> caches =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final TypePool.CacheProvider bootstrapCache = new TypePool.CacheProvider.Simple();

  WeakTypePoolCache() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader classLoader) {
    if (classLoader == null) {
      return bootstrapCache;
    }
    return caches.computeIfAbsent(classLoader, ignored -> new TypePool.CacheProvider.Simple());
  }
}
