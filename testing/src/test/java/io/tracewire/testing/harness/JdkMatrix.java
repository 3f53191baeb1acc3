package io.tracewire.testing.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a test method once per JDK of {@link Jdks#all()}. The method takes a {@link Jdk} parameter and passes it
 * to {@link AgentRun#on(Jdk)}; each invocation is displayed as the JDK's name.
 *
 * <pre>{@code
 * @JdkMatrix
 * void tracesQuery(Jdk jdk) {
 *   AgentRun.of(MyApp.class).on(jdk).run().assertSuccess();
 * }
 * }</pre>
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("io.tracewire.testing.harness.Jdks#all")
public @interface JdkMatrix {}
