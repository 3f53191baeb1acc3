package io.tracewire.testing.scenarios.servlet;

import jakarta.servlet.Servlet;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** The shop on embedded Tomcat (the same code runs on 10.1 and 11). */
final class TomcatShop implements ServletContainerScenario.Container {

  private final Tomcat tomcat;

  private TomcatShop(Tomcat tomcat) {
    this.tomcat = tomcat;
  }

  static TomcatShop start() throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("/shop", null);
    add(context, "orders", new ShopServlets.Orders(), "/orders/*");
    add(context, "forward", new ShopServlets.Forward(), "/forward");
    add(context, "include", new ShopServlets.Include(), "/include");
    add(context, "fail", new ShopServlets.Fail(), "/fail");
    add(context, "status", new ShopServlets.Status(), "/status/*");
    add(context, "async", new ShopServlets.Async(), "/async", "/async-dispatch");
    FilterDef filter = new FilterDef();
    filter.setFilterName("marking");
    filter.setFilter(new ShopServlets.Marking());
    filter.setAsyncSupported("true");
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("marking");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
    tomcat.start();
    return new TomcatShop(tomcat);
  }

  private static void add(Context context, String name, Servlet servlet, String... patterns) {
    Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
    wrapper.setAsyncSupported(true);
    for (String pattern : patterns) {
      context.addServletMappingDecoded(pattern, name);
    }
  }

  @Override
  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
