package org.agendamonitor.stream;

import org.agendamonitor.model.Alert;
import org.agendamonitor.model.ProgressSnapshot;

/** What the progress processor emits: a snapshot for agenda.progress.v1 or an alert for agenda.alerts.v1. */
record Outcome(ProgressSnapshot progress, Alert alert) {
    static Outcome of(ProgressSnapshot progress) {
        return new Outcome(progress, null);
    }

    static Outcome of(Alert alert) {
        return new Outcome(null, alert);
    }

    boolean isAlert() {
        return alert != null;
    }
}
