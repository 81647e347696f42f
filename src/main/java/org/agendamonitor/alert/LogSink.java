package org.agendamonitor.alert;

import org.agendamonitor.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each alert to the application log, one line: always on, so an alert is never silent. */
public final class LogSink implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(LogSink.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(Alert alert) {
        LOG.info("breaking story alert_id={} recommendation={} story_id={} reason={} outlets={} headline=\"{}\"",
                alert.id(), alert.recommendation().id(), alert.storyId(), alert.reason().id(),
                String.join("|", alert.sources()), alert.headline().replace('"', '\''));
    }
}
