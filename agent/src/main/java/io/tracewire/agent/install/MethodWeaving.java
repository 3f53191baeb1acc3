package io.tracewire.agent.install;

import java.util.Arrays;

/**
 * What to weave into one method: the interceptor ids in the order their entries run, and per id
 * what the woven code must do beyond calling it.
 */
final class MethodWeaving {

  final int[] ids;
  /** Per id: the woven code passes its own class, so the interceptor is found per class. */
  final boolean[] classBound;
  /** Per id: a normal return goes through {@code exitReturning}, which may replace the value. */
  final boolean[] replacesReturn;
  /** Per id: whether its exit is called at all (an interceptor that only acts on entry has none). */
  final boolean[] exits;
  /** Parameter indices (from 0) that are reassigned from the arguments array after the entries. */
  final int[] replacedArguments;
  /** Whether any interceptor reads the arguments; if not, they are never boxed. */
  final boolean readsArguments;

  MethodWeaving(
      int[] ids,
      boolean[] classBound,
      boolean[] replacesReturn,
      int[] replacedArguments,
      boolean readsArguments) {
    this(ids, classBound, replacesReturn, all(ids.length), replacedArguments, readsArguments);
  }

  MethodWeaving(
      int[] ids,
      boolean[] classBound,
      boolean[] replacesReturn,
      boolean[] exits,
      int[] replacedArguments,
      boolean readsArguments) {
    if (classBound.length != ids.length
        || replacesReturn.length != ids.length
        || exits.length != ids.length) {
      throw new IllegalArgumentException("one flag per id");
    }
    this.ids = ids.clone();
    this.classBound = classBound.clone();
    this.replacesReturn = replacesReturn.clone();
    this.exits = exits.clone();
    for (int i = 0; i < ids.length; i++) {
      this.exits[i] |= replacesReturn[i];
    }
    this.replacedArguments = replacedArguments.clone();
    this.readsArguments = readsArguments || replacedArguments.length > 0;
  }

  /** Plain calls to agent-loader interceptors that read the arguments and replace nothing. */
  static MethodWeaving plain(int... ids) {
    return new MethodWeaving(ids, new boolean[ids.length], new boolean[ids.length], new int[0], true);
  }

  /** Both weavings on one method: this one's entries run first. */
  MethodWeaving and(MethodWeaving other) {
    int[] replaced =
        java.util.stream.IntStream.concat(
                Arrays.stream(replacedArguments), Arrays.stream(other.replacedArguments))
            .distinct()
            .sorted()
            .toArray();
    return new MethodWeaving(
        concat(ids, other.ids),
        concat(classBound, other.classBound),
        concat(replacesReturn, other.replacesReturn),
        concat(exits, other.exits),
        replaced,
        readsArguments || other.readsArguments);
  }

  /** Whether any id has an exit: without one the method needs no catch-all. */
  boolean anyExit() {
    for (boolean exit : exits) {
      if (exit) {
        return true;
      }
    }
    return false;
  }

  private static boolean[] all(int length) {
    boolean[] flags = new boolean[length];
    java.util.Arrays.fill(flags, true);
    return flags;
  }

  private static int[] concat(int[] first, int[] second) {
    int[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static boolean[] concat(boolean[] first, boolean[] second) {
    boolean[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
