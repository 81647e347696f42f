package org.agendamonitor.model;

/** Counts of direction signals: matched articles reporting progress, a setback, or neither. */
public record Signals(long advance, long setback, long neutral) {
    public static final Signals NONE = new Signals(0, 0, 0);

    public Signals {
        if (advance < 0 || setback < 0 || neutral < 0) {
            throw new IllegalArgumentException("negative signal count: " + advance + "/" + setback + "/" + neutral);
        }
    }

    public Signals plus(Direction direction) {
        return switch (direction) {
            case ADVANCE -> new Signals(advance + 1, setback, neutral);
            case SETBACK -> new Signals(advance, setback + 1, neutral);
            case NEUTRAL -> new Signals(advance, setback, neutral + 1);
        };
    }

    public Signals plus(Signals other) {
        return new Signals(advance + other.advance, setback + other.setback, neutral + other.neutral);
    }

    public long of(Direction direction) {
        return switch (direction) {
            case ADVANCE -> advance;
            case SETBACK -> setback;
            case NEUTRAL -> neutral;
        };
    }
}
