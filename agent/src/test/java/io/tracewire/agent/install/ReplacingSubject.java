package io.tracewire.agent.install;

import java.util.ArrayList;
import java.util.List;

/** Methods and constructors whose arguments and results interceptors replace in the tests. */
public class ReplacingSubject {

  public final String label;
  public final List<String> log = new ArrayList<>();

  public ReplacingSubject() {
    this("default");
  }

  public ReplacingSubject(String label) {
    if (label.isEmpty()) {
      throw new IllegalArgumentException("empty label");
    }
    this.label = label;
  }

  public String greet(String name, int times) {
    return "hello " + name + " x" + times;
  }

  public static String shout(String text) {
    return text.toUpperCase();
  }

  public List<String> items(boolean empty) {
    List<String> items = new ArrayList<>();
    if (!empty) {
      items.add("a");
    }
    return items;
  }

  public CharSequence describe() {
    return "plain";
  }

  public int count(String text) {
    return text.length();
  }

  public String echo(String text) {
    return text;
  }
}
