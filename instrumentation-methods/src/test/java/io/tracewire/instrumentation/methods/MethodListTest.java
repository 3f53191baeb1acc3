package io.tracewire.instrumentation.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodListTest {

  @Test
  void parsesClassesAndMethods() {
    List<String> problems = new ArrayList<>();
    Map<String, List<String>> methods =
        MethodList.parse(" com.acme.Orders[place, cancel] ;com.acme.Stock$Item[reserve];", problems::add);
    assertEquals(
        Map.of("com.acme.Orders", List.of("place", "cancel"), "com.acme.Stock$Item", List.of("reserve")), methods);
    assertEquals(List.of(), problems);
  }

  @Test
  void reportsMalformedEntries() {
    List<String> problems = new ArrayList<>();
    Map<String, List<String>> methods =
        MethodList.parse("com.acme.Orders;[x];com.acme.Ok[run];com.acme.Bad[a.b]", problems::add);
    assertEquals(Map.of("com.acme.Ok", List.of("run")), methods);
    assertEquals(List.of("com.acme.Orders", "[x]", "com.acme.Bad[a.b]"), problems);
  }

  @Test
  void nothingConfigured() {
    assertEquals(Map.of(), MethodList.parse(null, problem -> {}));
  }
}
