package org.agendamonitor.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@link EmbeddedKafkaBroker} as a program of its own: {@code java -cp <classpath>
 * org.agendamonitor.kafka.StandaloneBroker DIR PORT [CONTROLLER_PORT]}. A single-node KRaft broker on 127.0.0.1 in
 * its own JVM, for running the app against an "external" broker that can be stopped, killed and restarted
 * independently (the reliability tests do exactly that). SIGTERM shuts it down cleanly; data stays in DIR.
 */
public final class StandaloneBroker {
    private StandaloneBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: StandaloneBroker DIR PORT [CONTROLLER_PORT]");
            System.exit(2);
        }
        int controllerPort = args.length == 3 ? Integer.parseInt(args[2]) : 0;
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(Path.of(args[0]), Integer.parseInt(args[1]),
                controllerPort).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println("broker ready bootstrap=" + broker.bootstrapServers());
        stopped.await();
    }
}
