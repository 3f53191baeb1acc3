package io.tracewire.instrumentation.api;

import java.util.List;
import java.util.Objects;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Which classes to transform and which interceptors to put on which of their methods.
 *
 * <p>Matching must be cheap: match names, and put any {@code hasSuperType} behind the class
 * loader pre-filter so that it only runs where the library can be present at all.
 */
public final class TypeInstrumentation {

  private final ElementMatcher<ClassLoader> classLoaderMatcher;
  private final ElementMatcher<? super TypeDescription> typeMatcher;
  private final List<MethodInterception> interceptions;

  private TypeInstrumentation(Builder builder) {
    this.classLoaderMatcher = builder.classLoaderMatcher;
    this.typeMatcher = Objects.requireNonNull(builder.typeMatcher, "typeMatcher");
    this.interceptions = List.copyOf(builder.interceptions);
  }

  public static Builder forTypes(ElementMatcher<? super TypeDescription> typeMatcher) {
    return new Builder(typeMatcher);
  }

  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return classLoaderMatcher;
  }

  public ElementMatcher<? super TypeDescription> typeMatcher() {
    return typeMatcher;
  }

  public List<MethodInterception> interceptions() {
    return interceptions;
  }

  /** Builds a {@link TypeInstrumentation}. */
  public static final class Builder {
    private ElementMatcher<ClassLoader> classLoaderMatcher = ElementMatchers.any();
    private final ElementMatcher<? super TypeDescription> typeMatcher;
    private final List<MethodInterception> interceptions = new java.util.ArrayList<>();

    private Builder(ElementMatcher<? super TypeDescription> typeMatcher) {
      this.typeMatcher = typeMatcher;
    }

    /** A cheap test of the class loader, run before the type matcher. */
    public Builder whenClassLoader(ElementMatcher<ClassLoader> matcher) {
      this.classLoaderMatcher = matcher;
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
