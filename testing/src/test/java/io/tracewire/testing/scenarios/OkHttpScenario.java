package io.tracewire.testing.scenarios;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The standard sequence on OkHttp (4 or 5, whichever is on the classpath): {@code execute} and
 * {@code enqueue}. The timeout step uses a client derived with {@code newBuilder()}, which must
 * not trace its calls twice.
 */
public final class OkHttpScenario extends HttpClientScenario {

  private final OkHttpClient client = new OkHttpClient.Builder().build();

  @Override
  protected int send(Step step, String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) throws IOException {
    Request.Builder request = new Request.Builder().url(url)
        .method(method, body == null ? null : RequestBody.create(body, MediaType.get("text/plain")));
    headers.forEach(request::header);
    OkHttpClient caller = timeoutMillis > 0
        ? client.newBuilder().readTimeout(timeoutMillis, TimeUnit.MILLISECONDS).build()
        : client;
    try (Response response = caller.newCall(request.build()).execute()) {
      return response.code();
    }
  }

  @Override
  protected boolean supportsAsync() {
    return true;
  }

  @Override
  protected void sendAsync(Step step, String url, Runnable callback) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    client.newCall(new Request.Builder().url(url).build()).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        response.close();
        callback.run();
        done.countDown();
      }

      @Override
      public void onFailure(Call call, IOException e) {
        callback.run();
        done.countDown();
      }
    });
    awaitCallback(done, url);
  }

  @Override
  protected void close() {
    // The agent's interceptor, added once: a client derived with newBuilder() must not get a second one.
    System.out.println("interceptors=" + client.newBuilder().build().interceptors().size());
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  public static void main(String[] args) throws ReflectiveOperationException {
    // Read at run time: the compiler inlines the constant of the version compiled against.
    System.out.println("okhttp " + OkHttp.class.getField("VERSION").get(null));
    run(new OkHttpScenario(), args);
  }
}
