package io.tracewire.agent.install;

import io.tracewire.instrumentation.api.matcher.MethodDetails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the {@link MethodDetails} of every method of a class file: a second, fuller pass than
 * matching's (it keeps {@code MethodParameters}, which matching skips with the other debug
 * attributes), made only when an instrumentation asks.
 */
final class MethodDetailsReader {

  private MethodDetailsReader() {}

  /** The details of each method, keyed by name and descriptor. */
  static Map<String, MethodDetails> read(byte[] classfile) {
    Map<String, MethodDetails> details = new HashMap<>();
    new ClassReader(classfile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] exceptions) {
                return new DetailsVisitor(Type.getArgumentTypes(descriptor).length, read -> details.put(name + descriptor, read));
              }
            },
            ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
    return details;
  }

  /** Collects one method's annotations, parameter annotations and parameter names. */
  private static final class DetailsVisitor extends MethodVisitor {
    private final Map<String, Map<String, Object>> annotations = new HashMap<>();
    private final List<Map<String, Map<String, Object>>> parameterAnnotations = new ArrayList<>();
    private final List<String> parameterNames = new ArrayList<>();
    private final Consumer<MethodDetails> done;

    DetailsVisitor(int parameterCount, Consumer<MethodDetails> done) {
      super(Opcodes.ASM9);
      this.done = done;
      for (int i = 0; i < parameterCount; i++) {
        parameterAnnotations.add(new HashMap<>());
      }
    }

    @Override
    public void visitParameter(String name, int access) {
      parameterNames.add(name);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      return values(annotations, descriptor);
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
      return parameter < parameterAnnotations.size()
          ? values(parameterAnnotations.get(parameter), descriptor)
          : null;
    }

    @Override
    public void visitEnd() {
      boolean any = !annotations.isEmpty() || !parameterNames.isEmpty();
      for (Map<String, Map<String, Object>> parameter : parameterAnnotations) {
        any |= !parameter.isEmpty();
      }
      done.accept(any ? new MethodDetails(annotations, parameterAnnotations, parameterNames) : MethodDetails.NONE);
    }
  }

  private static AnnotationVisitor values(Map<String, Map<String, Object>> into, String descriptor) {
    Map<String, Object> values = new HashMap<>();
    into.put(Type.getType(descriptor).getClassName(), values);
    return new ValuesVisitor(values::put);
  }

  /** Element values: constants, enum constants by name, arrays as lists. */
  private static final class ValuesVisitor extends AnnotationVisitor {
    private final java.util.function.BiConsumer<String, Object> sink;

    ValuesVisitor(java.util.function.BiConsumer<String, Object> sink) {
      super(Opcodes.ASM9);
      this.sink = sink;
    }

    @Override
    public void visit(String name, Object value) {
      if (!(value instanceof Type)) {
        sink.accept(name, value);
      }
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
      sink.accept(name, value);
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
      List<Object> elements = new ArrayList<>();
      sink.accept(name, elements);
      return new ValuesVisitor((ignored, element) -> elements.add(element));
    }
  }
}
