package io.tracewire.testing.scenarios;

import java.lang.ref.WeakReference;
import java.util.List;

/** Counts how many of the dropped class loaders the garbage collector took, after a few tries. */
final class DroppedLoaders {

  private DroppedLoaders() {}

  static int collected(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
    int collected = 0;
    for (int attempt = 0; attempt < 40; attempt++) {
      System.gc();
      Thread.sleep(50);
      collected = (int) loaders.stream().filter(ref -> ref.get() == null).count();
      if (collected == loaders.size()) {
        break;
      }
    }
    return collected;
  }
}
