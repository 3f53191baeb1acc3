package io.tracewire.analytics.backend;

/**
 * How reading one service's traces ended.
 *
 * @param traces traces handed to the sink
 * @param spans spans in those traces
 * @param limitReached whether reading stopped at the trace limit (older traces were left unread)
 * @param partialReason why reading stopped early on a failure, or {@code null} when it did not
 */
public record FetchResult(long traces, long spans, boolean limitReached, String partialReason) {

  public boolean partial() {
    return partialReason != null;
  }
}
