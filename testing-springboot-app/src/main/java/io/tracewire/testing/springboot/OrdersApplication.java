package io.tracewire.testing.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot 3 service on embedded Tomcat, packaged as a fat jar: it starts, sends itself the
 * requests the end-to-end test checks (printing {@code PORT <n>} and each answer), and exits.
 */
@SpringBootApplication
public class OrdersApplication {

  /** The trace and parent span the first request carries in its traceparent. */
  static final String TRACE_ID = "6af7651916cd43dd8448eb211c80319c";
  static final String PARENT_ID = "c7ad6b7169203331";

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context = SpringApplication.run(OrdersApplication.class, args);
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    System.out.println("PORT " + port);
    System.out.println("order " + SelfRequest.get(port, "/orders/7", "traceparent: 00-" + TRACE_ID + "-" + PARENT_ID + "-01"));
    System.out.println("summary " + SelfRequest.get(port, "/orders/8/summary"));
    System.out.println("missing " + SelfRequest.get(port, "/nothing-here"));
    System.exit(SpringApplication.exit(context));
  }
}
