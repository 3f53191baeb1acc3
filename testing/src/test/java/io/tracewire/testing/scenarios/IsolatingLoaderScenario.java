package io.tracewire.testing.scenarios;

import java.io.IOException;
import java.io.InputStream;

/**
 * A module-system-like class loader (as JBoss Modules or OSGi without boot delegation) that does
 * not let its classes see {@code io.tracewire.bootstrap}; it defines {@link ShopScenario.Checkout}
 * itself and calls it.
 */
public final class IsolatingLoaderScenario {

  private static final String CHECKOUT = ShopScenario.Checkout.class.getName();

  static final class ModuleLoader extends ClassLoader {
    ModuleLoader() {
      super(null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.tracewire.bootstrap.")) {
        throw new ClassNotFoundException(name + " (not exported to this module)");
      }
      if (!name.equals(CHECKOUT)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
          byte[] classfile = in.readAllBytes();
          return defineClass(name, classfile, 0, classfile.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Class<?> checkout = new ModuleLoader().loadClass(CHECKOUT);
    Object instance = checkout.getConstructor().newInstance();
    System.out.println(checkout.getMethod("placeOrder", String.class).invoke(instance, "book"));
  }
}
