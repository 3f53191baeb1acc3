package io.tracewire.testing.httpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracewire.testing.harness.ReceivedSpan;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.harness.Spans;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Look-ups shared by the HTTP server tests. */
final class ServerSpans {

  private static final Pattern PORT = Pattern.compile("PORT (\\d+)");

  private ServerSpans() {}

  /** The only SERVER span whose {@code url.path} is {@code path}. */
  static ReceivedSpan forPath(Spans spans, String path) {
    return spans.only(
        span -> span.kind().equals("SERVER") && path.equals(span.attribute("url.path")), "SERVER spans for " + path);
  }

  /** The only child of {@code parent} with this name. */
  static ReceivedSpan onlyChild(Spans spans, ReceivedSpan parent, String name) {
    List<ReceivedSpan> children =
        spans.childrenOf(parent).stream().filter(span -> span.name().equals(name)).toList();
    assertEquals(1, children.size(), "children named " + name + " of " + parent + "\n" + spans.dump());
    return children.get(0);
  }

  /** The port the scenario printed as {@code PORT <n>}. */
  static int port(RunResult result) {
    Matcher matcher = PORT.matcher(result.stdout());
    if (!matcher.find()) {
      throw new AssertionError("no PORT line\n" + result.describe());
    }
    return Integer.parseInt(matcher.group(1));
  }
}
