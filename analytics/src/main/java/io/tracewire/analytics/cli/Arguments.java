package io.tracewire.analytics.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code report} command's options, parsed and checked. */
final class Arguments {

  static final String USAGE = String.join("\n",
      "usage: java -jar tracewire-analytics.jar report --backend zipkin|jaeger --url URL",
      "           --service NAME [--service NAME ...] (--since DURATION | --start TIME [--end TIME])",
      "           [--format table|json|html] [--out FILE] [--limit N] [--page-size N] [--timeout DURATION]",
      "",
      "  --since     how far back from now: 90s, 15m, 1h, 2d or ISO-8601 (PT1H)",
      "  --start/--end  ISO-8601 instants, e.g. 2024-05-01T10:00:00Z (--end defaults to now)",
      "  --limit     most traces read per service (default 1000000); the newest are read first",
      "  --page-size traces asked for per request (default 500)",
      "  --timeout   per request (default 30s)",
      "",
      "exit codes: 0 report written, 1 backend or data error, 2 bad command line, 3 partial report written");

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  String backend;
  URI url;
  final List<String> services = new ArrayList<>();
  Instant start;
  Instant end;
  String format = "table";
  Path out;
  long limit = io.tracewire.analytics.TraceAnalytics.DEFAULT_LIMIT;
  int pageSize = io.tracewire.analytics.TraceAnalytics.DEFAULT_PAGE_SIZE;
  Duration timeout = Duration.ofSeconds(30);

  static Arguments parse(List<String> args, Instant now) throws UsageException {
    if (args.isEmpty() || !"report".equals(args.get(0))) {
      throw new UsageException(args.isEmpty() ? "missing command: report"
          : "unknown command '" + args.get(0) + "' (the command is: report)");
    }
    Arguments parsed = new Arguments();
    Duration since = null;
    for (int i = 1; i < args.size(); i++) {
      String option = args.get(i);
      String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
      String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new UsageException("option " + name + " needs a value");
        }
        value = args.get(++i);
      }
      switch (name) {
        case "--backend":
          parsed.backend = value.toLowerCase(Locale.ROOT);
          if (!parsed.backend.equals("zipkin") && !parsed.backend.equals("jaeger")) {
            throw new UsageException("unknown backend '" + value + "' (use zipkin or jaeger)");
          }
          break;
        case "--url":
          parsed.url = url(value);
          break;
        case "--service":
          for (String service : value.split(",")) {
            if (!service.isBlank() && !parsed.services.contains(service.strip())) {
              parsed.services.add(service.strip());
            }
          }
          break;
        case "--since":
          since = duration(name, value);
          break;
        case "--start":
          parsed.start = instant(name, value);
          break;
        case "--end":
          parsed.end = instant(name, value);
          break;
        case "--format":
          parsed.format = value.toLowerCase(Locale.ROOT);
          if (!List.of("table", "json", "html").contains(parsed.format)) {
            throw new UsageException("unknown format '" + value + "' (use table, json or html)");
          }
          break;
        case "--out":
          parsed.out = Path.of(value);
          break;
        case "--limit":
          parsed.limit = positive(name, value);
          break;
        case "--page-size":
          parsed.pageSize = (int) Math.min(Integer.MAX_VALUE, positive(name, value));
          break;
        case "--timeout":
          parsed.timeout = duration(name, value);
          break;
        default:
          throw new UsageException("unknown option '" + name + "'");
      }
    }
    if (parsed.backend == null) {
      throw new UsageException("missing --backend (zipkin or jaeger)");
    }
    if (parsed.url == null) {
      throw new UsageException("missing --url, e.g. --url http://localhost:9411");
    }
    if (parsed.services.isEmpty()) {
      throw new UsageException("missing --service");
    }
    parsed.range(since, now);
    return parsed;
  }

  private void range(Duration since, Instant now) throws UsageException {
    if (since != null && (start != null || end != null)) {
      throw new UsageException("give either --since or --start/--end, not both");
    }
    if (since != null) {
      end = now;
      start = now.minus(since);
      return;
    }
    if (start == null) {
      if (end != null) {
        throw new UsageException("--end needs --start");
      }
      throw new UsageException("missing time range: --since 1h, or --start and --end");
    }
    end = end == null ? now : end;
    if (!start.isBefore(end)) {
      throw new UsageException("--start " + start + " is not before --end " + end);
    }
  }

  private static URI url(String value) throws UsageException {
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new UsageException("--url must be an http or https URL with a host: " + value);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException("--url is not a URL: " + value);
    }
  }

  static Duration duration(String option, String value) throws UsageException {
    Matcher matcher = SHORT_DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    Duration duration = null;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      switch (matcher.group(2)) {
        case "ms":
          duration = Duration.ofMillis(amount);
          break;
        case "s":
          duration = Duration.ofSeconds(amount);
          break;
        case "m":
          duration = Duration.ofMinutes(amount);
          break;
        case "h":
          duration = Duration.ofHours(amount);
          break;
        default:
          duration = Duration.ofDays(amount);
          break;
      }
    } else {
      try {
        duration = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new UsageException(option + " '" + value + "' is not a duration (e.g. 90s, 15m, 1h, 2d, PT1H)");
      }
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new UsageException(option + " must be positive: " + value);
    }
    return duration;
  }

  private static Instant instant(String option, String value) throws UsageException {
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " '" + value + "' is not an ISO-8601 instant with a zone,"
          + " e.g. 2024-05-01T10:00:00Z or 2024-05-01T12:00:00+02:00");
    }
  }

  private static long positive(String option, String value) throws UsageException {
    try {
      long number = Long.parseLong(value.strip());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " must be a positive whole number: " + value);
  }
}
