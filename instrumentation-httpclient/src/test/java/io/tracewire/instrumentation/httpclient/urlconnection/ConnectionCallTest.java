package io.tracewire.instrumentation.httpclient.urlconnection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

class ConnectionCallTest {

  private final ConnectionCall call = new ConnectionCall(Context.root(), null);

  @Test
  void onlyTheOutermostCallEndsTheSpan() {
    // getResponseCode -> getInputStream -> connect, and getInputStream again inside
    assertTrue(call.enter());
    assertTrue(call.enter());
    assertFalse(call.leaveOutermost(false));
    assertTrue(call.enter());
    assertFalse(call.leaveOutermost(true));
    assertTrue(call.leaveOutermost(true));
  }

  @Test
  void anEndedCallIsNotEnteredAgain() {
    assertTrue(call.enter());
    assertTrue(call.leaveOutermost(true));
    assertFalse(call.enter());
  }

  @Test
  void aCallThatDoesNotReadTheResponseLeavesTheSpanOpen() {
    // connect() then getOutputStream(): the response is still to come
    assertTrue(call.enter());
    assertFalse(call.leaveOutermost(false));
    assertTrue(call.enter());
    assertFalse(call.leaveOutermost(false));
    assertTrue(call.enter());
    assertTrue(call.leaveOutermost(true));
  }
}
