package io.tracewire.agent.launch;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * The isolated loader of the agent proper: the agent jar and any extension jars, with the
 * platform class loader as parent. It sees {@code java.sql} and {@code java.net.http} (platform
 * modules) and the bootstrap bridge, but never the application's classes, so the application's
 * own OpenTelemetry or ASM can never be picked up by mistake.
 */
final class AgentClassLoader extends URLClassLoader {

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private AgentClassLoader(URL[] urls) {
    super("tracewire", urls, ClassLoader.getPlatformClassLoader());
  }

  static ClassLoader create(File agentJar, List<File> extensions) throws MalformedURLException {
    URL[] urls = new URL[1 + extensions.size()];
    urls[0] = agentJar.toURI().toURL();
    for (int i = 0; i < extensions.size(); i++) {
      urls[i + 1] = extensions.get(i).toURI().toURL();
    }
    return new AgentClassLoader(urls);
  }
}
