package org.agendamonitor.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the alerts one sink has delivered, one per line in {@code <dir>/delivered-<sink>.txt}, each line forced
 * to disk before the delivery counts. It is what makes delivery idempotent: after a crash between a delivery and the
 * consumer's offset commit, the re-read alert is recognised and not sent again.
 */
public final class DeliveryLog implements AutoCloseable {
    private final Set<String> delivered = new HashSet<>();
    private final FileChannel file;

    public DeliveryLog(Path dir, String sink) {
        if (!sink.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("bad sink name '" + sink + "'");
        }
        Path path = dir.resolve("delivered-" + sink + ".txt");
        try {
            Files.createDirectories(dir);
            if (Files.exists(path)) {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        delivered.add(line.strip());
                    }
                }
            }
            file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the delivery log " + path, e);
        }
    }

    public synchronized boolean contains(String alertId) {
        return delivered.contains(alertId);
    }

    public synchronized void add(String alertId) throws IOException {
        if (delivered.add(alertId)) {
            ByteBuffer line = ByteBuffer.wrap((alertId + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                file.write(line);
            }
            file.force(true);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
