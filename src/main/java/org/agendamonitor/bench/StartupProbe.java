package org.agendamonitor.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts {@code run --demo} in a fresh JVM (the way a user starts it: a cold JVM, a new data dir, the demo feeds)
 * and measures the time from process launch until {@code /health} answers 200, which needs Kafka Streams RUNNING;
 * then the process's resident memory (VmRSS from {@code /proc/<pid>/status}) at ready and, when asked, its peak
 * over a soak of some minutes. The child is stopped with SIGTERM, as an operator would.
 */
final class StartupProbe {
    /** Start-up to ready, RSS at ready, peak and last RSS over the soak (equal to ready when there was none). */
    record Result(Duration ready, long rssAtReadyMb, long rssPeakMb, long rssLastMb, Duration soaked,
            List<String> jvmOptions) {
    }

    private StartupProbe() {
    }

    static Result run(Path configDir, Path dataDir, List<String> jvmOptions, Duration soak, Duration timeout)
            throws IOException, InterruptedException {
        int webPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.agendamonitor.cli.AgendaMonitorCommand", "run", "--demo", "--config", configDir.toString(),
                "--set", "data.dir=" + dataDir, "--set", "web.port=" + webPort,
                "--set", "kafka.embedded.port=0"));
        Path log = Files.createTempFile("agenda-bench-demo", ".log");
        long started = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Duration ready = awaitHealthy(child, webPort, started, timeout, log);
            long atReady = rssMb(child.pid());
            long peak = atReady;
            long last = atReady;
            long soakEnd = System.nanoTime() + soak.toNanos();
            while (System.nanoTime() < soakEnd && child.isAlive()) {
                Thread.sleep(Math.min(5_000, Math.max(1, (soakEnd - System.nanoTime()) / 1_000_000)));
                last = rssMb(child.pid());
                peak = Math.max(peak, last);
            }
            return new Result(ready, atReady, peak, last, soak, jvmOptions);
        } finally {
            child.destroy(); // SIGTERM: the app's shutdown hook closes streams and broker
            if (!child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static Duration awaitHealthy(Process child, int port, long started, Duration timeout, Path log)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(1)).build();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException("the demo run exited with " + child.exitValue() + ":\n"
                        + tail(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("the demo run was not ready within " + timeout + ":\n" + tail(log));
    }

    /** Resident set size of a process in MiB, from {@code /proc/<pid>/status}; -1 where there is no procfs. */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /**
     * A free loopback port for the demo's web server, below the range the kernel gives outgoing connections their
     * ports from. A port of that range (which binding port 0 returns) can be taken in the seconds before the child
     * binds it: by any outgoing connection, even by the health poll itself, since a connect to a closed loopback
     * port may be given that very port and connect to itself. One bench run's demo failed to bind its port
     * ("Address already in use"), most likely so.
     */
    static int freePort() throws IOException {
        int[] range = ephemeralRange();
        int high = range[0];
        int low = Math.max(1024, high - 10_000);
        for (int attempt = 0; attempt < 100 && high - low >= 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(low, high);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // someone listens there: try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** The kernel's range for outgoing connections' ports (Linux's default where it cannot be read). */
    static int[] ephemeralRange() {
        try {
            String[] bounds = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }
}
