package io.tracewire.testing.scenarios;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/** The standard sequence on Apache HttpClient 5: the classic client, and the async one for the async steps. */
public final class ApacheHttpClientScenario extends HttpClientScenario {

  private final CloseableHttpClient client = HttpClients.createDefault();
  private final CloseableHttpAsyncClient asyncClient = HttpAsyncClients.createDefault();

  ApacheHttpClientScenario() {
    asyncClient.start();
  }

  @Override
  protected int send(Step step, String method, String url, Map<String, String> headers, String body,
      int timeoutMillis) throws IOException {
    HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(url));
    headers.forEach(request::setHeader);
    if (body != null) {
      request.setEntity(new StringEntity(body, ContentType.TEXT_PLAIN));
    }
    if (timeoutMillis > 0) {
      request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(timeoutMillis)).build());
    }
    return client.execute(request, response -> {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    });
  }

  @Override
  protected boolean supportsAsync() {
    return true;
  }

  @Override
  protected void sendAsync(Step step, String url, Runnable callback) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    SimpleHttpRequest request = SimpleRequestBuilder.get(url).build();
    asyncClient.execute(request, new FutureCallback<SimpleHttpResponse>() {
      @Override
      public void completed(SimpleHttpResponse response) {
        callback.run();
        done.countDown();
      }

      @Override
      public void failed(Exception e) {
        callback.run();
        done.countDown();
      }

      @Override
      public void cancelled() {
        done.countDown();
      }
    });
    awaitCallback(done, url);
  }

  @Override
  protected void close() {
    try {
      client.close();
      asyncClient.close();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void main(String[] args) {
    run(new ApacheHttpClientScenario(), args);
  }
}
