package io.tracewire.analytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracewire.analytics.FixtureServer;
import io.tracewire.analytics.cli.AnalyticsMain;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in headless Chromium (Debian package {@code chromium}): the page must render
 * its tables and drawings with the network cut off, and a screenshot is left in
 * {@code target/analytics-report.png} to look at. Skipped, with the reason printed, without Chromium.
 */
class HtmlInChromiumTest {

  @Test
  void rendersOfflineInChromium() throws Exception {
    String chromium = findChromium();
    if (chromium == null) {
      System.out.println("SKIPPED: HtmlInChromiumTest: no chromium on the PATH (apt-get install chromium)");
      Assumptions.abort("no chromium on the PATH");
    }
    Path target = Path.of("target").toAbsolutePath();
    Path html = target.resolve("analytics-report.html");
    try (FixtureServer server = FixtureServer.serving("zipkin")) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = AnalyticsMain.run(new String[] {"report", "--backend", "zipkin", "--url", server.uri().toString(),
          "--service", "orders", "--service", "payments", "--start", "2023-11-14T22:12:00Z",
          "--end", "2023-11-14T22:15:00Z", "--format", "html", "--out", html.toString()},
          new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), false);
      assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }
    Path profile = Files.createTempDirectory(target, "chromium-profile");
    Path screenshot = target.resolve("analytics-report.png");
    Files.deleteIfExists(screenshot);
    // A proxy that does not exist: anything the page tried to load from the network would fail.
    List<String> common = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--proxy-server=127.0.0.1:9", "--user-data-dir=" + profile, "--window-size=1100,1900");
    String dom = run(with(common, "--dump-dom", html.toUri().toString()), target);
    assertTrue(dom.contains("<h2 id=\"service-orders\">Service orders</h2>"), dom);
    assertTrue(dom.contains("<svg class=\"graph\""), dom);
    assertTrue(dom.contains("<rect class=\"bar\""), dom);
    run(with(common, "--screenshot=" + screenshot, html.toUri().toString()), target);
    assertTrue(Files.size(screenshot) > 10_000, "screenshot written: " + screenshot);
  }

  private static List<String> with(List<String> common, String... more) {
    List<String> command = new ArrayList<>(common);
    command.addAll(List.of(more));
    return command;
  }

  private static String run(List<String> command, Path dir) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s: " + command);
    }
    assertEquals(0, process.exitValue(), "chromium failed: " + command);
    String text = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    return text;
  }

  private static String findChromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return null;
  }
}
