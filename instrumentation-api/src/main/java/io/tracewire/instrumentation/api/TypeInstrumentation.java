package io.tracewire.instrumentation.api;

import io.tracewire.instrumentation.api.matcher.TypeMatcher;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which classes to transform and which interceptors to put on which of their methods.
 *
 * <p>Matching must be cheap: match names, and put any {@code isSubtypeOf} last and behind the class
 * loader pre-filter so that it only runs where the library can be present at all.
 */
public final class TypeInstrumentation {

  private final Predicate<ClassLoader> classLoaderMatcher;
  private final TypeMatcher typeMatcher;
  private final List<MethodInterception> interceptions;
  private final List<String> jdkPackages;
  private final boolean objectField;

  private TypeInstrumentation(Builder builder) {
    this.objectField = builder.objectField;
    this.classLoaderMatcher = builder.classLoaderMatcher;
    this.typeMatcher = Objects.requireNonNull(builder.typeMatcher, "typeMatcher");
    this.interceptions = List.copyOf(builder.interceptions);
    this.jdkPackages = List.copyOf(builder.jdkPackages);
  }

  public static Builder forTypes(TypeMatcher typeMatcher) {
    return new Builder(typeMatcher);
  }

  public Predicate<ClassLoader> classLoaderMatcher() {
    return classLoaderMatcher;
  }

  public TypeMatcher typeMatcher() {
    return typeMatcher;
  }

  public List<MethodInterception> interceptions() {
    return interceptions;
  }

  /**
   * Internal-name prefixes of the JDK classes this instrumentation may transform: packages ending
   * in {@code /} (e.g. {@code jdk/internal/net/http/}) or single classes. The JDK is otherwise
   * never transformed.
   */
  public List<String> jdkPackages() {
    return jdkPackages;
  }

  /** Whether the matched classes get the field that holds {@link ObjectField} values. */
  public boolean addsObjectField() {
    return objectField;
  }

  private static final Predicate<ClassLoader> ANY_LOADER = loader -> true;
  private static final Predicate<ClassLoader> NOT_BOOT_LOADER = loader -> loader != null;

  /** Builds a {@link TypeInstrumentation}. */
  public static final class Builder {
    private Predicate<ClassLoader> classLoaderMatcher = ANY_LOADER;
    private final TypeMatcher typeMatcher;
    private final List<MethodInterception> interceptions = new java.util.ArrayList<>();
    private final List<String> jdkPackages = new java.util.ArrayList<>();
    private boolean objectField;

    private Builder(TypeMatcher typeMatcher) {
      this.typeMatcher = typeMatcher;
    }

    /**
     * A cheap test of the class loader ({@code null} is the bootstrap loader), run before the type
     * matcher.
     */
    public Builder whenClassLoader(Predicate<ClassLoader> matcher) {
      this.classLoaderMatcher = matcher;
      return this;
    }

    /**
     * Only classes of a library, never of the bootstrap loader: the common test, one shared
     * predicate rather than a lambda of its own at each module's set-up.
     */
    public Builder notInBootLoader() {
      return whenClassLoader(NOT_BOOT_LOADER);
    }

    /**
     * Allows classes of a JDK package (not its subpackages) to be transformed, e.g. {@code
     * "java.util.concurrent"}. Classes of named modules are given a read edge to the agent's
     * bridge before they are woven.
     */
    public Builder inJdkPackage(String packageName) {
      jdkPackages.add(packageName.replace('.', '/') + "/");
      return this;
    }

    /**
     * Allows one JDK class (and its nested classes) to be transformed, e.g. {@code
     * "java.lang.VirtualThread"}, where allowing its whole package would have the agent read
     * hundreds of class files it never changes.
     */
    public Builder inJdkClass(String className) {
      jdkPackages.add(className.replace('.', '/'));
      return this;
    }

    /**
     * Matched classes that load after the agent get a field for {@link ObjectField} values, so
     * state kept per instance costs a field access rather than a weak map entry. Interfaces,
     * records, enums and serializable classes never get it (it would change their shape or their
     * serial version).
     */
    public Builder withObjectField() {
      this.objectField = true;
      return this;
    }

    /** {@link #inJdkClass} for each of these classes. */
    public Builder inJdkClasses(String... classNames) {
      for (String className : classNames) {
        inJdkClass(className);
      }
      return this;
    }

    public Builder intercept(MethodInterception interception) {
      interceptions.add(interception);
      return this;
    }

    public TypeInstrumentation build() {
      if (interceptions.isEmpty()) {
        throw new IllegalStateException("a type instrumentation needs at least one interception");
      }
      return new TypeInstrumentation(this);
    }
  }
}
