package io.tracewire.agent;

import io.opentelemetry.api.OpenTelemetry;
import io.tracewire.agent.config.AgentConfig;
import io.tracewire.agent.install.AgentInstaller.InstrumentationContextFactory;

/** The contexts the agent gives its modules, for tests of the installer's package. */
public final class ModuleContexts {

  private ModuleContexts() {}

  public static InstrumentationContextFactory over(OpenTelemetry openTelemetry, AgentConfig config) {
    return moduleName -> new ModuleContext(openTelemetry, config, moduleName, "test");
  }
}
