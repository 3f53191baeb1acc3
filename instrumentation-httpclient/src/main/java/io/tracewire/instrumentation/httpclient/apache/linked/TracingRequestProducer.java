package io.tracewire.instrumentation.httpclient.apache.linked;

import java.io.IOException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/** The application's request producer; sees the request as it is handed to the client. */
final class TracingRequestProducer implements AsyncRequestProducer {

  private final AsyncRequestProducer delegate;
  private final AsyncExchange exchange;

  TracingRequestProducer(AsyncRequestProducer delegate, AsyncExchange exchange) {
    this.delegate = delegate;
    this.exchange = exchange;
  }

  @Override
  public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
    delegate.sendRequest(
        (request, entity, requestContext) -> {
          try {
            exchange.sending(request);
          } catch (RuntimeException | LinkageError telemetryFailed) {
            // the request goes out untraced
          }
          channel.sendRequest(request, entity, requestContext);
        },
        context);
  }

  @Override
  public boolean isRepeatable() {
    return delegate.isRepeatable();
  }

  @Override
  public void failed(Exception cause) {
    delegate.failed(cause);
  }

  @Override
  public int available() {
    return delegate.available();
  }

  @Override
  public void produce(DataStreamChannel channel) throws IOException {
    delegate.produce(channel);
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }
}
