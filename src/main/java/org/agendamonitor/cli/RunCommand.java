package org.agendamonitor.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.agendamonitor.config.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run [--config DIR] [--demo]}: the main job, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the monitor: embedded broker (unless kafka.bootstrap.servers is set), feed polling, "
                + "the Kafka Streams topology, the dashboard, API and /metrics.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--demo", description = "poll the sample feeds in <config>/demo/ (offline) with a separate data dir")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        AppConfig config = options.load(demo);
        CountDownLatch stopped = new CountDownLatch(1);
        MonitorApp app = MonitorApp.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
