package org.agendamonitor.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.agendamonitor.model.Recommendation;

/**
 * Open stories in memory, indexed by MinHash position and value, so that finding the story an article belongs to
 * costs one lookup per signature position instead of a comparison with every stored story (which made the story
 * stage quadratic: a replay of a few days' news spent minutes decoding stories). The answer is exactly
 * {@link StoryClusterer}'s rule over the indexed representatives: the story with the highest similarity at or above
 * the threshold whose window holds the article, ties to the smallest story id. Every representative that shares a
 * position with the article is counted, and one that shares none has similarity 0, below any threshold.
 *
 * <p>Memory stays bounded in event time: a story whose last article is more than the {@link #horizon} (at first
 * {@link #KEPT}) older than the newest event seen is evicted. {@link #covers} tells whether an article is recent
 * enough that no story it could join was evicted. For an older one the caller builds a {@link #reaching} index, whose
 * horizon is wide enough for it, from the store, and goes on with that one: partitions replayed by different stream
 * threads or instances advance at their own pace, so one late article means more are coming about as late. Asking
 * the store for each of them instead (as this class once had its caller do) took 44% of the stream threads and made
 * two threads 8 times slower than one on a 200,000-article replay, whose partitions ended up more than a week apart.
 * The horizon only grows, and the index never holds a story its stores do not, so the stores' retention still bounds
 * it.
 *
 * <p>Inside that horizon, a story whose last article is more than a window (plus {@link #COLD_MARGIN}) behind the
 * newest is <em>cold</em>: its representatives are posted under keys of their own, which a lookup walks only for an
 * article old enough to join such a story. Articles arrive about in event-time order, so nearly every lookup walks
 * the postings of about two days of stories instead of a week's; the answer is the same.
 * Not thread-safe: one per stream task.
 */
public final class StoryIndex {
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);
    /** Event time kept behind the newest article, at least two windows. */
    public static final Duration KEPT = Duration.ofDays(7);
    /** How far past a window behind the newest article a story stays hot (at least the sweep's period). */
    static final Duration COLD_MARGIN = Duration.ofHours(6);
    /** In {@link #found}: the key is not in the table (no table value is this: see {@link Postings#value}). */
    private static final long ABSENT = Long.MIN_VALUE;

    private final Duration window;
    private final double threshold;
    /** How far behind the newest article a story is kept: {@link #KEPT} or two windows at first, then as needed. */
    private final Duration horizon;
    /** The fewest shared positions whose similarity reaches the threshold. */
    private final int minShared;
    private final Map<String, Story> stories = new HashMap<>();
    /** (recommendation, position, value) -> slots of the members with that value there. */
    private final Postings postings = new Postings();
    /**
     * Members by slot. A freed slot is only marked dead (its postings stay, and lookups skip it): removing a slot
     * from long posting lists one by one cost more than the lookups. When the dead reach a quarter of the living,
     * the postings are rebuilt from the living and the dead slots become free for reuse.
     */
    private Member[] members = new Member[64];
    private final IntList freeSlots = new IntList();
    private final IntList deadSlots = new IntList();
    private int nextSlot;
    private int live;
    /**
     * Per slot: positions shared with the signature being looked up (zero between lookups). Bytes (a count is at
     * most {@link MinHash#SIZE}), so that the counts of tens of thousands of members stay in the L1 cache.
     */
    private byte[] shared = new byte[64];
    /** Per position of the signature being looked up: its key's {@link Postings#value}, or {@link #ABSENT}. */
    private final long[] found = new long[MinHash.SIZE];
    /** Per position: the size of its key's list, read with the probe (0 for a single or no key). */
    private final int[] sizes = new int[MinHash.SIZE];
    /** The members the lookup under way counted {@link #minShared} times or more. */
    private final IntList candidates = new IntList();
    private Instant newest;
    private Instant swept;
    /** The latest last-article time of an evicted story: articles more than a window after it are covered. */
    private Instant evictedUntil;
    /** Posting entries walked by all lookups so far (what a lookup costs; for tests). */
    private long walked;
    /** Stories whose last article is before this are cold (null: none yet); only articles before it + window see them. */
    private Instant coldBefore;

    StoryIndex(Duration window, double threshold) {
        this(window, threshold, window.multipliedBy(2).compareTo(KEPT) > 0 ? window.multipliedBy(2) : KEPT);
    }

    private StoryIndex(Duration window, double threshold, Duration horizon) {
        this.window = Objects.requireNonNull(window, "window");
        this.threshold = threshold;
        this.horizon = horizon;
        int least = 0;
        while (least < MinHash.SIZE && MinHash.fraction(least, MinHash.SIZE) < threshold) {
            least++;
        }
        this.minShared = least;
    }

    /**
     * An empty index with the same rule whose horizon reaches an article at {@code at}, one this index does not
     * {@link #covers cover}: at least twice this one's, so that a replay whose partitions drift further apart
     * rebuilds the index a few times rather than once per day of drift. Load it with every stored story.
     */
    public StoryIndex reaching(Instant at) {
        Duration behind = newest == null || !at.isBefore(newest) ? Duration.ZERO : Duration.between(at, newest);
        // covered once every evicted story ended a window before the article: evicted ones ended a horizon before
        // the newest (the sweep's period on top, since the newest moves on between sweeps)
        Duration needed = behind.plus(window).plus(SWEEP_EVERY);
        Duration doubled = horizon.multipliedBy(2);
        return new StoryIndex(window, threshold, needed.compareTo(doubled) > 0 ? needed : doubled);
    }

    /** How far behind the newest article this index keeps stories. */
    public Duration horizon() {
        return horizon;
    }

    private static final class Story {
        final String id;
        final Recommendation recommendation;
        Instant first;
        Instant last;
        /** Posted under the cold keys (see {@link #coldBefore}). */
        boolean cold;
        /** article id -> member slot */
        final Map<String, Integer> members = new LinkedHashMap<>();

        Story(String id, Recommendation recommendation) {
            this.id = id;
            this.recommendation = recommendation;
        }
    }

    /** A representative, and the tier (hot or cold keys) its postings are under. */
    private record Member(Story story, int[] signature, boolean cold) {
        /** The key this member is posted under for the signature's {@code position}. */
        long key(int position) {
            return StoryIndex.key(cold, story.recommendation, position, signature[position]);
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        int[] values = new int[2];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int pop() {
            return values[--size];
        }
    }

    /**
     * Posting lists by key, in an open-addressing table of primitive keys: a lookup is a probe or two into one array
     * instead of a boxed key and a chain of nodes, which is what the lookups of every article spent their time on.
     * Most keys (a MinHash value at a position) belong to one member only: such a key holds its member's slot in the
     * table itself. The lists of keys shared by several members lie in one int array, the arena, each as its size,
     * its capacity and its slots; the table holds where. A lookup walks some fifty lists, and in the pipeline each
     * list object and its array were a cache miss of their own behind the probe (the probe's line, then the list,
     * then its array): now the probe leads straight to the slots. A single is removed with its member, at once; a
     * list keeps a removed member's slot until {@link #compact} filters the lists into a new arena, which also drops
     * the blocks lists left behind when they outgrew them.
     */
    private static final class Postings {
        /** An empty place in the table: no key has bit 63 set (see {@link StoryIndex#key}). */
        private static final long EMPTY = Long.MIN_VALUE;
        /** Before a list's slots in the arena: its size, then its capacity. */
        private static final int HEADER = 2;
        /** Pairs of longs, so that a probe reads one cache line: the key, then a member slot (a single) or, below
         *  zero, where the key's list lies in {@link #arena} ({@link #listValue}). */
        private long[] table = emptyTable(1024);
        private int[] arena = new int[1024];
        /** Ints of the arena in use, by live lists and by blocks lists outgrew. */
        private int arenaUsed;
        private int size;

        private static long[] emptyTable(int places) {
            long[] table = new long[places * 2];
            for (int i = 0; i < table.length; i += 2) {
                table[i] = EMPTY;
            }
            return table;
        }

        private int places() {
            return table.length / 2;
        }

        /** Where {@code key} is, or -1. */
        int find(long key) {
            int mask = places() - 1;
            for (int i = slot(key, mask); table[2 * i] != EMPTY; i = (i + 1) & mask) {
                if (table[2 * i] == key) {
                    return i;
                }
            }
            return -1;
        }

        /** The table's value for a list at {@code offset} of the arena: below zero, unlike a member slot. */
        static long listValue(int offset) {
            return -1L - offset;
        }

        /** Where in the arena the list of a table value below zero lies. */
        static int listOffset(long value) {
            return (int) (-1 - value);
        }

        /** What the table holds for the key at {@code at}: a member slot, or below zero where its list is. */
        long value(int at) {
            return table[2 * at + 1];
        }

        void add(long key, int member) {
            int mask = places() - 1;
            int i = slot(key, mask);
            for (; table[2 * i] != EMPTY; i = (i + 1) & mask) {
                if (table[2 * i] == key) {
                    long value = table[2 * i + 1];
                    if (value >= 0) {
                        int list = allocate(2);
                        arena[list] = 2;
                        arena[list + HEADER] = (int) value;
                        arena[list + HEADER + 1] = member;
                        table[2 * i + 1] = listValue(list);
                    } else {
                        append(i, listOffset(value), member);
                    }
                    return;
                }
            }
            // a new key goes where the probe ended, unless the table must grow first
            if ((size + 1) * 2 > places()) {
                grow();
                i = vacantPlaceFor(key);
            }
            table[2 * i] = key;
            table[2 * i + 1] = member;
            size++;
        }

        /** Adds {@code member} to the list at {@code list}, moving it to a block twice as large when it is full. */
        private void append(int at, int list, int member) {
            int n = arena[list];
            if (n == arena[list + 1]) {
                int moved = allocate(n * 2);
                System.arraycopy(arena, list + HEADER, arena, moved + HEADER, n);
                list = moved;
                table[2 * at + 1] = listValue(list);
            }
            arena[list + HEADER + n] = member;
            arena[list] = n + 1;
        }

        /** A block for a list of {@code capacity} slots at the end of the arena, its size 0. */
        private int allocate(int capacity) {
            int needed = arenaUsed + HEADER + capacity;
            if (needed > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(needed, arena.length * 2));
            }
            int list = arenaUsed;
            arena[list] = 0;
            arena[list + 1] = capacity;
            arenaUsed = needed;
            return list;
        }

        /** Removes {@code member} from {@code key} if it holds it alone; a list keeps it until compaction. */
        void removeSingle(long key, int member) {
            int at = find(key);
            if (at >= 0 && table[2 * at + 1] == member) {
                delete(at);
            }
        }

        /**
         * Drops the slots {@code dead} says are dead from every list, into a new arena with room for a quarter more
         * each; a list left with one slot becomes a single, an empty one goes.
         */
        void compact(boolean[] dead) {
            int[] old = arena;
            arena = new int[Math.max(1024, arenaUsed)];
            arenaUsed = 0;
            List<Long> emptied = new ArrayList<>();
            for (int i = 0; i < places(); i++) {
                long value = table[2 * i + 1];
                if (table[2 * i] == EMPTY || value >= 0) {
                    continue;
                }
                int from = listOffset(value);
                int n = old[from];
                int kept = 0;
                for (int j = 0; j < n; j++) {
                    if (!dead[old[from + HEADER + j]]) {
                        kept++;
                    }
                }
                if (kept == 0) {
                    emptied.add(table[2 * i]);
                } else if (kept == 1) {
                    for (int j = 0; j < n; j++) {
                        if (!dead[old[from + HEADER + j]]) {
                            table[2 * i + 1] = old[from + HEADER + j];
                        }
                    }
                } else {
                    int list = allocate(kept + kept / 4);
                    for (int j = 0; j < n; j++) {
                        int member = old[from + HEADER + j];
                        if (!dead[member]) {
                            arena[list + HEADER + arena[list]++] = member;
                        }
                    }
                    table[2 * i + 1] = listValue(list);
                }
            }
            emptied.forEach(key -> delete(find(key)));
        }

        /** Removes the entry at {@code at}, shifting back the entries after it that probed past it. */
        private void delete(int at) {
            int mask = places() - 1;
            int hole = at;
            for (int i = (at + 1) & mask; table[2 * i] != EMPTY; i = (i + 1) & mask) {
                int home = slot(table[2 * i], mask);
                // move i into the hole unless its home lies in (hole, i], cyclically
                if (hole <= i ? home <= hole || home > i : home <= hole && home > i) {
                    table[2 * hole] = table[2 * i];
                    table[2 * hole + 1] = table[2 * i + 1];
                    hole = i;
                }
            }
            table[2 * hole] = EMPTY;
            size--;
        }

        private void grow() {
            long[] old = table;
            table = emptyTable(places() * 2);
            for (int k = 0; k < old.length; k += 2) {
                if (old[k] != EMPTY) {
                    int i = vacantPlaceFor(old[k]);
                    table[2 * i] = old[k];
                    table[2 * i + 1] = old[k + 1];
                }
            }
        }

        /** Key -> the live member slots posted under it; a single that is not live fails. For tests. */
        Map<Long, Set<Integer>> liveEntries(Member[] members) {
            Map<Long, Set<Integer>> out = new HashMap<>();
            for (int i = 0; i < places(); i++) {
                if (table[2 * i] == EMPTY) {
                    continue;
                }
                Set<Integer> slots = new HashSet<>();
                long value = value(i);
                if (value >= 0) {
                    int alone = (int) value;
                    if (members[alone] == null) {
                        throw new IllegalStateException("a single posting of a removed member");
                    }
                    slots.add(alone);
                } else {
                    int list = listOffset(value);
                    if (arena[list] > arena[list + 1] || list + HEADER + arena[list + 1] > arenaUsed) {
                        throw new IllegalStateException("a list outside its block");
                    }
                    for (int j = 0; j < arena[list]; j++) {
                        int member = arena[list + HEADER + j];
                        if (members[member] != null) {
                            slots.add(member);
                        }
                    }
                }
                if (!slots.isEmpty() && out.put(table[2 * i], slots) != null) {
                    throw new IllegalStateException("key twice in the table");
                }
            }
            return out;
        }

        /** The first empty place on {@code key}'s probe path (for a key known not to be in the table). */
        private int vacantPlaceFor(long key) {
            int mask = places() - 1;
            int i = slot(key, mask);
            while (table[2 * i] != EMPTY) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }

    /** Adds a story, or updates the event-time span of one already here. */
    public void putStory(String id, Recommendation recommendation, Instant first, Instant last) {
        Story s = stories.computeIfAbsent(id, k -> new Story(k, recommendation));
        s.first = first;
        s.last = last;
        boolean cold = isCold(last); // a story loaded for a late article can be cold from the start
        if (s.cold != cold) {
            repost(s, cold); // or a late article brought a cold one back
        }
        observe(last);
    }

    public boolean contains(String storyId) {
        return stories.containsKey(storyId);
    }

    /** Makes {@code articleId}'s signature represent the story (an empty signature represents nothing). */
    public void addMember(String storyId, String articleId, int[] signature) {
        Story s = stories.get(storyId);
        if (s == null || signature.length != MinHash.SIZE || s.members.containsKey(articleId)) {
            return;
        }
        s.members.put(articleId, place(s, signature));
    }

    /** A new slot for a member of {@code s}, posted under the keys of the story's tier. */
    private int place(Story s, int[] signature) {
        int slot = freeSlots.size > 0 ? freeSlots.pop() : nextSlot++;
        if (slot == members.length) {
            members = Arrays.copyOf(members, slot * 2);
            shared = Arrays.copyOf(shared, slot * 2);
        }
        members[slot] = new Member(s, signature, s.cold);
        live++;
        post(slot);
        return slot;
    }

    private boolean isCold(Instant last) {
        return coldBefore != null && last.isBefore(coldBefore);
    }

    /** Moves a story's members to the other tier: new slots under the other keys, the old ones freed. */
    private void repost(Story s, boolean cold) {
        List<Map.Entry<String, Integer>> moving = new ArrayList<>(s.members.entrySet());
        s.cold = cold;
        for (Map.Entry<String, Integer> member : moving) {
            int[] signature = members[member.getValue()].signature();
            free(member.getValue());
            s.members.put(member.getKey(), place(s, signature));
        }
    }

    /** Lists the member in {@code slot} under each of its signature's (position, value) keys. */
    private void post(int slot) {
        Member m = members[slot];
        for (int i = 0; i < m.signature().length; i++) {
            postings.add(m.key(i), slot);
        }
    }

    public void removeMember(String storyId, String articleId) {
        Story s = stories.get(storyId);
        Integer slot = s == null ? null : s.members.remove(articleId);
        if (slot != null) {
            free(slot);
        }
    }

    public void removeStory(String storyId) {
        Story s = stories.remove(storyId);
        if (s != null) {
            s.members.values().forEach(this::free);
        }
    }

    private void free(int slot) {
        Member m = members[slot];
        for (int i = 0; i < m.signature().length; i++) {
            postings.removeSingle(m.key(i), slot);
        }
        members[slot] = null;
        deadSlots.add(slot);
        live--;
        if (deadSlots.size > Math.max(256, live / 4)) {
            compact();
        }
    }

    /** Filters the dead slots out of the lists, after which they can be used again. */
    private void compact() {
        boolean[] dead = new boolean[nextSlot];
        for (int i = 0; i < deadSlots.size; i++) {
            dead[deadSlots.values[i]] = true;
        }
        postings.compact(dead);
        for (int i = 0; i < deadSlots.size; i++) {
            freeSlots.add(deadSlots.values[i]);
        }
        deadSlots.size = 0;
    }

    /** Whether {@link #best} is exact for an article of this event time (nothing it could join was evicted). */
    public boolean covers(Instant at) {
        return evictedUntil == null || at.isAfter(evictedUntil.plus(window));
    }

    /** The id of the story an article of {@code recommendation} with this signature and event time joins, if any. */
    public Optional<String> best(Recommendation recommendation, int[] signature, Instant at) {
        if (signature.length != MinHash.SIZE) {
            return Optional.empty();
        }
        count(false, recommendation, signature);
        if (coldBefore != null && at.isBefore(coldBefore.plus(window))) {
            count(true, recommendation, signature); // old enough to join a cold story (rare)
        }
        Story best = null;
        double bestSimilarity = 0;
        for (int c = 0; c < candidates.size; c++) {
            int slot = candidates.values[c];
            if (members[slot] == null) {
                continue; // a removed member: its postings stay until the next compaction
            }
            double similarity = MinHash.fraction(shared[slot], MinHash.SIZE);
            Story s = members[slot].story();
            if (similarity >= threshold && inWindow(s, at) && (similarity > bestSimilarity
                    || similarity == bestSimilarity && best != null && s.id.compareTo(best.id) < 0)) {
                best = s;
                bestSimilarity = similarity;
            }
        }
        candidates.size = 0;
        // The counts are cleared by one sequential fill of a byte per slot rather than by a second walk over the
        // lists, which read them from memory again and wrote the bytes in scattered order (findStory: -15% in JMH).
        Arrays.fill(shared, 0, nextSlot, (byte) 0);
        return Optional.ofNullable(best).map(s -> s.id);
    }

    /**
     * Adds one to the shared count of every member of the tier that shares a position with the signature, and notes
     * as a candidate each member whose count reaches {@link #minShared} (once: counts only go up in a lookup). That
     * branch is almost never taken, so it costs the loop nothing; most members share a position or two.
     */
    private void count(boolean cold, Recommendation recommendation, int[] signature) {
        // First every probe and every list's size, then the walks: the probes do not depend on each other, so their
        // cache misses (the table's line, the list's first line) overlap instead of each waiting behind the walk of
        // the list before it.
        long[] found = this.found;
        int[] sizes = this.sizes;
        int[] arena = postings.arena;
        for (int i = 0; i < signature.length; i++) {
            int at = postings.find(key(cold, recommendation, i, signature[i]));
            long value = at < 0 ? ABSENT : postings.value(at);
            found[i] = value;
            sizes[i] = value < 0 && value != ABSENT ? arena[Postings.listOffset(value)] : 0;
        }
        byte enough = (byte) minShared;
        for (int i = 0; i < signature.length; i++) {
            long value = found[i];
            if (value == ABSENT) {
                continue;
            }
            if (value >= 0) {
                int alone = (int) value;
                walked++;
                if (++shared[alone] == enough) {
                    candidates.add(alone);
                }
                continue;
            }
            int list = Postings.listOffset(value);
            int n = sizes[i];
            walked += n;
            for (int j = list + Postings.HEADER, end = j + n; j < end; j++) {
                int slot = arena[j];
                if (++shared[slot] == enough) {
                    candidates.add(slot);
                }
            }
        }
    }

    /**
     * Checks that the postings hold exactly the live members' keys (a list may also hold dead slots until
     * compaction, a single never does); throws otherwise. For tests: the answers can stay right by luck.
     */
    void checkPostings() {
        Map<Long, Set<Integer>> expected = new HashMap<>();
        for (int slot = 0; slot < nextSlot; slot++) {
            Member m = members[slot];
            if (m != null) {
                for (int i = 0; i < m.signature().length; i++) {
                    expected.computeIfAbsent(m.key(i), k -> new HashSet<>()).add(slot);
                }
            }
        }
        Map<Long, Set<Integer>> actual = postings.liveEntries(members);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("postings differ from the members: " + actual.size() + " keys against "
                    + expected.size());
        }
    }

    /** Posting entries all lookups have walked so far. */
    long entriesWalked() {
        return walked;
    }

    /** Stories held (for tests and logs). */
    public int size() {
        return stories.size();
    }

    private boolean inWindow(Story s, Instant at) {
        return !at.isBefore(s.first.minus(window)) && !at.isAfter(s.last.plus(window));
    }

    private void observe(Instant at) {
        if (newest == null || at.isAfter(newest)) {
            newest = at;
        }
        if (swept == null || !newest.isBefore(swept.plus(SWEEP_EVERY))) {
            swept = newest;
            Instant oldestKept = newest.minus(horizon);
            coldBefore = newest.minus(window).minus(COLD_MARGIN);
            List<Story> cooled = new ArrayList<>();
            for (Iterator<Story> it = stories.values().iterator(); it.hasNext(); ) {
                Story s = it.next();
                if (s.last.isBefore(oldestKept)) {
                    it.remove();
                    evictedUntil = evictedUntil == null || s.last.isAfter(evictedUntil) ? s.last : evictedUntil;
                    s.members.values().forEach(this::free);
                } else if (!s.cold && isCold(s.last)) {
                    cooled.add(s);
                }
            }
            cooled.forEach(s -> repost(s, true));
        }
    }

    private static long key(boolean cold, Recommendation recommendation, int position, int value) {
        return (cold ? 1L << 48 : 0) | ((long) recommendation.ordinal() << 40) | ((long) position << 32)
                | (value & 0xffffffffL);
    }
}
