package io.tracewire.instrumentation.httpclient.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class CallerContextBodyHandlerTest {

  private static final ContextKey<String> WHO = ContextKey.named("who");

  @Test
  void theSubscriberIsMadeAndToldEverythingInTheCallersContext() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpResponse.BodyHandler<String> application = info -> {
      seen.add("apply in " + Context.current().get(WHO));
      return new RecordingSubscriber(seen);
    };
    HttpResponse.BodyHandler<String> wrapped =
        new CallerContextBodyHandler<>(application, Context.root().with(WHO, "caller"));

    // The client's own thread, with no context.
    Thread clientThread = new Thread(() -> {
      HttpResponse.BodySubscriber<String> subscriber = wrapped.apply(new Info());
      subscriber.onSubscribe(new NoSubscription());
      subscriber.onNext(List.of(ByteBuffer.allocate(1)));
      subscriber.onComplete();
    });
    clientThread.start();
    clientThread.join();

    assertEquals(
        List.of("apply in caller", "onSubscribe in caller", "onNext in caller", "onComplete in caller"), seen);
  }

  private static final class RecordingSubscriber implements HttpResponse.BodySubscriber<String> {
    private final List<String> seen;

    RecordingSubscriber(List<String> seen) {
      this.seen = seen;
    }

    @Override
    public CompletionStage<String> getBody() {
      return CompletableFuture.completedFuture("body");
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      seen.add("onSubscribe in " + Context.current().get(WHO));
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      seen.add("onNext in " + Context.current().get(WHO));
    }

    @Override
    public void onError(Throwable throwable) {
      seen.add("onError in " + Context.current().get(WHO));
    }

    @Override
    public void onComplete() {
      seen.add("onComplete in " + Context.current().get(WHO));
    }
  }

  private static final class Info implements HttpResponse.ResponseInfo {
    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of(), (name, value) -> true);
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }

  private static final class NoSubscription implements Flow.Subscription {
    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }
}
