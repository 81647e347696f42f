package org.agendamonitor.alert;

import org.agendamonitor.model.Alert;

/** Somewhere an alert is delivered. Implementations block (network I/O) and are only called by the dispatcher. */
public interface AlertSink {
    /** Short, fixed name: a metric label and the name of the sink's delivery log ({@code log}, {@code webhook}...). */
    String name();

    /** Delivers one alert or throws; the dispatcher retries. */
    void send(Alert alert) throws Exception;
}
