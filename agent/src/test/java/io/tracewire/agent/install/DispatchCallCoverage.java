package io.tracewire.agent.install;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Counts, per method of a woven class, the dispatch calls inside and outside the ranges of
 * {@code Throwable} catch-alls: {entries inside, entries outside, exits inside, exits outside}.
 */
final class DispatchCallCoverage {

  private DispatchCallCoverage() {}

  static Map<String, int[]> of(byte[] classfile) {
    Map<String, int[]> result = new HashMap<>();
    new ClassReader(classfile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] exceptions) {
                int[] counts = new int[4];
                List<Label[]> ranges = new ArrayList<>();
                Set<Label> seen = new HashSet<>();
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if ("java/lang/Throwable".equals(type)) {
                      ranges.add(new Label[] {start, end});
                    }
                  }

                  @Override
                  public void visitLabel(Label label) {
                    seen.add(label);
                  }

                  @Override
                  public void visitMethodInsn(
                      int opcode, String owner, String method, String desc, boolean isInterface) {
                    if (!owner.equals("io/tracewire/bootstrap/AdviceDispatcher")) {
                      return;
                    }
                    boolean inside = false;
                    for (Label[] range : ranges) {
                      inside |= seen.contains(range[0]) && !seen.contains(range[1]);
                    }
                    int index = (method.equals("enter") ? 0 : 2) + (inside ? 0 : 1);
                    counts[index]++;
                    result.put(name + descriptor, counts);
                  }
                };
              }
            },
            0);
    return result;
  }
}
