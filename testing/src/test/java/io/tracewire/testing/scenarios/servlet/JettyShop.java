package io.tracewire.testing.scenarios.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The shop on embedded Jetty 12 (EE 10, Servlet 6.0). */
final class JettyShop implements ServletContainerScenario.Container {

  private final Server server;
  private final ServerConnector connector;

  private JettyShop(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  static JettyShop start() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/shop");
    add(context, new ShopServlets.Orders(), "/orders/*");
    add(context, new ShopServlets.Forward(), "/forward");
    add(context, new ShopServlets.Include(), "/include");
    add(context, new ShopServlets.Fail(), "/fail");
    add(context, new ShopServlets.Status(), "/status/*");
    add(context, new ShopServlets.Async(), "/async", "/async-dispatch");
    FilterHolder filter = new FilterHolder(new ShopServlets.Marking());
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
    return new JettyShop(server, connector);
  }

  private static void add(ServletContextHandler context, Servlet servlet, String... patterns) {
    for (String pattern : patterns) {
      ServletHolder holder = new ServletHolder(servlet);
      holder.setAsyncSupported(true);
      context.addServlet(holder, pattern);
    }
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
