package io.tracewire.testing.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The standard sequence every HTTP client test runs, in one child JVM: each client's scenario
 * only says how it sends a request. Arguments: the test server's base URL ({@code
 * http://127.0.0.1:port}) and a port where nothing listens. Each request carries its step's name
 * as {@code ?step=...}, so the test can pair what the server received with the client span.
 */
public abstract class HttpClientScenario {

  /** Header values the tests look for: they must never leave the process. */
  public static final String AUTHORIZATION = "Bearer s3cr3t-token";
  public static final String API_KEY = "k3y-value";
  public static final String SIGNATURE = "sig-0xdeadbeef";
  public static final String PASSWORD = "pa55word";

  /** Timeout of the {@code timeout} step, far below the server's delay. */
  public static final int TIMEOUT_MILLIS = 300;

  /** One request of the sequence. */
  public enum Step {
    GET_OK("get-ok"),
    POST("post"),
    NOT_FOUND("not-found"),
    SERVER_ERROR("server-error"),
    REFUSED("refused"),
    TIMEOUT("timeout"),
    REDACTED("redacted"),
    ASYNC_OK("async-ok"),
    ASYNC_REFUSED("async-refused");

    public final String id;

    Step(String id) {
      this.id = id;
    }

    public boolean isAsync() {
      return this == ASYNC_OK || this == ASYNC_REFUSED;
    }
  }

  /**
   * Sends one request and returns its status; a failure is thrown. {@code body} is {@code null}
   * for a request without one; {@code timeoutMillis} is 0 for none.
   */
  protected abstract int send(Step step, String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) throws Exception;

  /** Whether the client has an asynchronous call; then {@link #sendAsync} is used for the async steps. */
  protected boolean supportsAsync() {
    return false;
  }

  /**
   * Sends a GET asynchronously and calls {@code callback} from the client's own completion
   * callback (on the client's thread), waiting until it ran.
   */
  protected void sendAsync(Step step, String url, Runnable callback) throws Exception {
    throw new UnsupportedOperationException();
  }

  /** Waits for an async call's callback. */
  protected static void awaitCallback(CountDownLatch done, String url) throws InterruptedException {
    if (!done.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no callback for " + url);
    }
  }

  /** Traced by the tests: the parent of every request. */
  public void runRequests(String base, int refusedPort) {
    String refused = "http://127.0.0.1:" + refusedPort;
    Map<String, String> captured = new LinkedHashMap<>();
    captured.put("Authorization", AUTHORIZATION);
    captured.put("X-Api-Key", API_KEY);
    captured.put("X-Request-Tag", "tag-1");
    attempt(Step.GET_OK, "GET", base + "/ok", captured, null, 0);
    attempt(Step.POST, "POST", base + "/echo-headers", Map.of(), "hello", 0);
    attempt(Step.NOT_FOUND, "GET", base + "/status/404", Map.of(), null, 0);
    attempt(Step.SERVER_ERROR, "GET", base + "/status/500", Map.of(), null, 0);
    attempt(Step.REFUSED, "GET", refused + "/ok", Map.of(), null, 0);
    attempt(Step.TIMEOUT, "GET", base + "/slow?ms=1500", Map.of(), null, TIMEOUT_MILLIS);
    String withCredentials = base.replace("://", "://user:" + PASSWORD + "@");
    attempt(Step.REDACTED, "GET", withCredentials + "/ok?X-Amz-Signature=" + SIGNATURE, Map.of(), null, 0);
    if (supportsAsync()) {
      attemptAsync(Step.ASYNC_OK, base + "/slow?ms=200");
      attemptAsync(Step.ASYNC_REFUSED, refused + "/ok");
    }
  }

  /** Traced by the tests: called from the async callbacks, it must be a child of {@link #runRequests}. */
  public void inCallback(String step) {
    System.out.println("callback " + step);
  }

  private void attempt(Step step, String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) {
    try {
      int status = send(step, method, withStep(url, step), headers, body, timeoutMillis);
      System.out.println("step " + step.id + " -> " + status);
    } catch (Exception e) {
      System.out.println("step " + step.id + " -> " + e.getClass().getName());
    }
  }

  private void attemptAsync(Step step, String url) {
    try {
      sendAsync(step, withStep(url, step), () -> inCallback(step.id));
      System.out.println("step " + step.id + " -> done");
    } catch (Exception e) {
      System.out.println("step " + step.id + " -> " + e.getClass().getName());
    }
  }

  private static String withStep(String url, Step step) {
    return url + (url.contains("?") ? "&" : "?") + "step=" + step.id;
  }

  /** Releases the client's threads, so the JVM can exit. */
  protected void close() {}

  /** Runs the sequence; {@code args}: base URL, refused port. */
  protected static void run(HttpClientScenario scenario, String[] args) {
    scenario.runRequests(args[0], Integer.parseInt(args[1]));
    scenario.close();
    System.out.println("done");
  }
}
