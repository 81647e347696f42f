package org.agendamonitor.cli;

import java.nio.file.Path;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.match.AgendaMatcher;
import picocli.CommandLine.Option;

/** The {@code --agenda FILE} option shared by the commands that match articles, and the matcher it yields. */
final class AgendaFileOption {

    @Option(names = "--agenda", paramLabel = "FILE", defaultValue = "config/agenda.yaml",
            description = "agenda file (default: ${DEFAULT-VALUE})")
    Path agenda;

    /** A matcher for the agenda file; fails with every problem of the file at once. */
    AgendaMatcher matcher() {
        return new AgendaMatcher(AgendaSpecLoader.load(agenda));
    }
}
