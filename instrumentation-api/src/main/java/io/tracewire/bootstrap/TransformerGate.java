package io.tracewire.bootstrap;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent's only registered class file transformer. It is registered in {@code premain}, before
 * the application's first class loads, while the real transformer is built on a background thread. Until that one is ready, a class that is, or directly extends or implements,
 * one of the instrumentations' early types (a JDBC driver's statement, say) is held back until it is, so that a
 * program that runs SQL in its first milliseconds is still traced; every other class loads at once
 * and is retransformed later if it matches. Once ready, every call is delegated.
 */
public final class TransformerGate implements ClassFileTransformer {

  /** How long a held-back class waits for the installer before it loads untransformed. */
  private static final long MAX_WAIT_MILLIS = 10_000;

  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile ClassFileTransformer delegate;
  private volatile Set<String> earlyTypes = Set.of();
  private volatile ClassLoader agentLoader;
  private volatile byte[][] markers;
  /** Candidate classes let through unchanged because no transformer was there yet. */
  private final Set<String> passedUnchanged = ConcurrentHashMap.newKeySet();

  /**
   * Sets the internal names (e.g. {@code java/sql/Statement}) of the types that, with their
   * direct subtypes, are held back, and the agent's own loader, whose classes never are.
   */
  public void holdBack(Set<String> internalNames, ClassLoader agentLoader) {
    this.earlyTypes = Set.copyOf(internalNames);
    this.agentLoader = agentLoader;
  }

  /**
   * Sets the class-file markers (see {@code InstrumentationModule.classFileMarkers}): a class
   * containing none of them never reaches the real transformer. {@code null} lets every class
   * through.
   */
  public void onlyClassesContaining(byte[][] markers) {
    this.markers = markers;
  }

  /** Whether the class file contains one of the markers (always, when there are none). */
  public boolean passesMarkers(byte[] classfile) {
    byte[][] required = markers;
    return required == null || ClassHeader.containsAny(classfile, required);
  }

  /**
   * From now on every class that loads goes through {@code transformer}; the early types are
   * still held back until {@link #release} (the installer releases them once the classes loaded
   * earlier are retransformed and the SDK is there, so their first spans are recorded).
   */
  public void delegateTo(ClassFileTransformer transformer) {
    delegate = transformer;
  }

  /**
   * The internal names of the classes with a marker that loaded unchanged before {@link
   * #delegateTo}; the installer retransforms those that match. Cleared by the call.
   */
  public Set<String> takePassedUnchanged() {
    Set<String> names = Set.copyOf(passedUnchanged);
    passedUnchanged.removeAll(names);
    return names;
  }

  /** Lets the held-back classes load (through the delegate, if there is one). */
  public void release() {
    settled.countDown();
  }

  /** Stops holding classes back, whatever state the installation is in. */
  public void abandon() {
    settled.countDown();
  }

  public boolean isOpen() {
    return settled.getCount() == 0;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    return transform(null, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
  }

  /** The JVM calls this form; the module is handed on (a named module needs a read edge). */
  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    try {
      // A class without a marker is never transformed, so it never waits either.
      if (!passesMarkers(classfileBuffer)) {
        return null;
      }
      ClassFileTransformer ready = delegate;
      if (!isOpen() && mustWait(loader, classBeingRedefined, classfileBuffer)) {
        if (!settled.await(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          // The installer is stuck: stop holding classes back, once and for all.
          abandon();
        }
        ready = delegate;
      }
      if (ready == null) {
        if (isOpen() || className == null) {
          return null;
        }
        passedUnchanged.add(className);
        ready = delegate;
        if (ready == null) {
          return null;
        }
        // The transformer arrived meanwhile: this class is not defined yet, so transform it now.
        passedUnchanged.remove(className);
        return ready.transform(
            module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
      }
      return ready.transform(
          module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Throwable error) {
      // A transformer must never fail a class load.
      return null;
    }
  }

  private boolean mustWait(ClassLoader loader, Class<?> redefined, byte[] classfile) {
    if (loader == null || redefined != null || loader == agentLoader) {
      return false;
    }
    Set<String> names = earlyTypes;
    return !names.isEmpty() && ClassHeader.isOrNamesDirectly(classfile, names);
  }
}
