package org.agendamonitor.stream;

/** The read model cannot answer right now (rebalancing, a peer instance unreachable); the web layer answers 503. */
public final class ReadModelUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReadModelUnavailableException(String message) {
        super(message);
    }

    public ReadModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
