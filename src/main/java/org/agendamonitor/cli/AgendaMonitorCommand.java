package org.agendamonitor.cli;

import java.util.concurrent.Callable;
import org.agendamonitor.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar agenda-monitor.jar [COMMAND]}: the command-line contract of DESIGN.md. Without a command it runs
 * the monitor ({@code run}), so {@code java -jar agenda-monitor.jar --demo} works too.
 */
@Command(name = "agenda-monitor", mixinStandardHelpOptions = true, version = "agenda-monitor 0.1.0",
        description = "Watches English and Spanish news on the US-Mexico security cooperation agenda.",
        subcommands = {RunCommand.class, EvalCommand.class, MatchCommand.class, CheckFeedsCommand.class,
                IngestCommand.class, FeedsCommand.class})
public final class AgendaMonitorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new AgendaMonitorCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("configuration error:");
                ((ConfigException) e).problems().forEach(p -> cmd.getErr().println("  " + p));
                return 2;
            }
            throw e;
        });
        String[] effective = args;
        if (args.length == 0 || args[0].startsWith("--") && !isTopLevelOption(args[0])) {
            effective = prepend("run", args);
        }
        return cli.execute(effective);
    }

    private static boolean isTopLevelOption(String arg) {
        return arg.equals("--help") || arg.equals("--version");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
