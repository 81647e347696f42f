package org.agendamonitor.stream;

import java.util.List;
import java.util.TreeSet;

/**
 * The keys of a store whose keys sort newest first (see {@link RecentKey}), held to the newest {@code cap}: each key
 * added says which keys fell beyond the cap, so the store can delete them without being read.
 */
final class NewestKeys {
    private final int cap;
    private final TreeSet<String> keys = new TreeSet<>();

    NewestKeys(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the cap must be positive, got " + cap);
        }
        this.cap = cap;
    }

    /** Adds a key (again: no change) and returns the oldest keys now beyond the cap, possibly the key itself. */
    List<String> add(String key) {
        keys.add(key);
        if (keys.size() <= cap) {
            return List.of();
        }
        String[] dropped = new String[keys.size() - cap];
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = keys.pollLast();
        }
        return List.of(dropped);
    }

    int size() {
        return keys.size();
    }
}
