package io.tracewire.agent.install;

import java.util.Map;

/** What to weave into one class: its methods, and whether it gets the object-field slot. */
final class ClassWeaving {

  final Map<String, MethodWeaving> methods;
  private final boolean objectFieldWanted;
  private final ClassFileInfo info;

  ClassWeaving(Map<String, MethodWeaving> methods, boolean objectFieldWanted, ClassFileInfo info) {
    this.methods = methods;
    this.objectFieldWanted = objectFieldWanted;
    this.info = info;
  }

  /**
   * Whether a loading class gets the slot: an instrumentation asked for it and the class can carry
   * one. Its hierarchy is walked only here, so retransformations and the start-up sweep, which
   * never add the slot, do not pay for the walk.
   */
  boolean objectField() {
    return objectFieldWanted && ObjectFieldSlot.canCarry(info);
  }
}
