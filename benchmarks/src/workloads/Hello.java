/** Startup workload: the smallest program that still prints, so agent start-up dominates. */
public final class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
