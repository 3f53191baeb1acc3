package io.tracewire.agent.install;

import java.util.Map;

/** What to weave into one class: its methods, and whether it gets the object-field slot. */
final class ClassWeaving {

  final Map<String, MethodWeaving> methods;
  final boolean objectField;

  ClassWeaving(Map<String, MethodWeaving> methods, boolean objectField) {
    this.methods = methods;
    this.objectField = objectField;
  }

  boolean isEmpty() {
    return methods.isEmpty() && !objectField;
  }
}
