package org.agendamonitor.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The options every command that reads the configuration shares ({@code --config}, {@code --set}). */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "DIR", description = "configuration folder (default: ${DEFAULT-VALUE})",
            defaultValue = "config")
    Path configDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one setting (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    public AppConfig load(boolean demo) {
        return new ConfigLoader(System.getenv()).load(configDir, demo, overrides);
    }
}
