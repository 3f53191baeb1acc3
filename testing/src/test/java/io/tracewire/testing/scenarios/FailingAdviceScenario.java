package io.tracewire.testing.scenarios;

/** Calls a method whose (test-only) advice throws on enter and on exit. */
public final class FailingAdviceScenario {

  /** Instrumented by the test extension with an interceptor that always fails. */
  public static final class Calculator {
    public int add(int a, int b) {
      return a + b;
    }
  }

  public static void main(String[] args) {
    System.out.println("result=" + new Calculator().add(2, 3));
  }
}
