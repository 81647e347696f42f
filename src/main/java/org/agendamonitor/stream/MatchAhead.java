package org.agendamonitor.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.agendamonitor.kafka.JsonSerde;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.progress.StoryClusterer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Matches raw articles on a worker thread ahead of the stream thread, so that matching, the pipeline's largest step,
 * runs beside the rest of the topology instead of before it; for an article that matched, the worker also makes its
 * story signature (a pure function of the article too), which the stream thread made for every matched article.
 * The stream thread processes a partition's records one by one; as soon as its consumer fetches a batch
 * ({@link MatchAheadInterceptor}), the batch's articles are queued here, and when the topology reaches an article it
 * takes the worker's result for that record (partition and offset) instead of matching it again.
 *
 * <p>Nothing depends on it for correctness: matching is a pure function of the article's bytes, so a result made
 * ahead is the one the stream thread would make, and whatever is not ready is made on the stream thread as before:
 * an article the worker has not started is taken back, one it is working on is waited for (the stream thread
 * matching the next ones meanwhile), a failure is repeated inline (and dead-lettered there). Exactly-once is
 * untouched: what the topology writes, and when, does not change. The queue is bounded; what does not fit is simply
 * matched inline. Results of records the topology never asks for (duplicates, unreadable records) are dropped when
 * it moves past them.
 */
public final class MatchAhead implements AutoCloseable {
    /** Articles queued at most: a few fetched batches. */
    public static final int CAPACITY = 4_096;
    /** Consumer setting naming the instance an interceptor feeds. */
    static final String ID_CONFIG = "agenda.match.ahead.id";
    private static final Map<String, MatchAhead> REGISTERED = new ConcurrentHashMap<>();
    private static final JsonSerde<Article> ARTICLES = JsonSerde.of(Article.class);
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int TAKEN_BACK = 3;
    /** Records after the one waited for that the stream thread looks at for work no worker has started. */
    private static final int LOOK_AHEAD = 64;
    private static final long ABANDONED_AFTER_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String id = UUID.randomUUID().toString();
    private final Function<Article, List<Match>> matcher;
    private final AgendaMetrics metrics;
    private final ThreadPoolExecutor workers;
    private final int capacity;
    /** Per partition of the raw topic: offset -> the work for that record. */
    private final Map<Integer, ConcurrentSkipListMap<Long, Ahead>> byPartition = new ConcurrentHashMap<>();
    /**
     * Per stream thread, the work whose matches it took last: the steps after matching run on the same thread for
     * the same record before the next one is matched, and take its signature from here ({@link #signatureMadeFor}).
     */
    private final ThreadLocal<Ahead> lastTaken = new ThreadLocal<>();

    /**
     * @param matcher  what the topology matches with
     * @param threads  worker threads (at least one)
     * @param capacity articles queued at most
     * @param metrics  where articles matched ahead and inline are counted
     */
    public MatchAhead(Function<Article, List<Match>> matcher, int threads, int capacity, AgendaMetrics metrics) {
        this.matcher = matcher;
        this.metrics = metrics;
        this.capacity = capacity;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(capacity), r -> {
                    Thread t = new Thread(r, "agenda-match-ahead-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.workers.allowCoreThreadTimeOut(true); // no thread left behind when the streams stop
        REGISTERED.put(id, this);
    }

    /** {@code streams} with the consumer interceptor that feeds this instance. */
    public Properties feeding(Properties streams) {
        Properties p = new Properties();
        p.putAll(streams);
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
                MatchAheadInterceptor.class.getName());
        p.put(StreamsConfig.mainConsumerPrefix(ID_CONFIG), id);
        return p;
    }

    /** Stops the workers; what they had not made is made inline from now on. */
    @Override
    public void close() {
        REGISTERED.remove(id);
        workers.shutdownNow();
    }

    static MatchAhead registered(String id) {
        return REGISTERED.get(id);
    }

    /** Queues the raw articles of a fetched batch (called by the stream thread's consumer). */
    void queue(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> r : records.records(Topics.ARTICLES_RAW.name())) {
            if (r.key() == null || r.value() == null) {
                continue;
            }
            ConcurrentSkipListMap<Long, Ahead> pending = byPartition.computeIfAbsent(r.partition(),
                    p -> new ConcurrentSkipListMap<>());
            Ahead ahead = new Ahead(r.key(), r.value());
            pending.put(r.offset(), ahead);
            try {
                workers.execute(ahead);
            } catch (RejectedExecutionException full) {
                pending.remove(r.offset());
            }
        }
        forgetAbandoned();
    }

    /**
     * Drops the work of partitions the topology stopped reading (moved to another instance, or a task closed):
     * nothing there has been taken for {@link #ABANDONED_AFTER_NANOS}.
     */
    private void forgetAbandoned() {
        long now = System.nanoTime();
        for (ConcurrentSkipListMap<Long, Ahead> pending : byPartition.values()) {
            Map.Entry<Long, Ahead> oldest = pending.firstEntry();
            if (oldest != null && now - oldest.getValue().queuedAt > ABANDONED_AFTER_NANOS) {
                pending.clear();
            }
        }
    }

    /**
     * The matches of the article at {@code where}: the worker's, when it made them or is making them, else made
     * here.
     */
    public List<Match> match(Article article, Optional<RecordMetadata> where) {
        lastTaken.remove();
        Ahead ahead = where.map(this::take).orElse(null);
        if (ahead != null && ahead.state.compareAndSet(QUEUED, TAKEN_BACK)) {
            ahead = null; // not started: quicker to match it here than to wait for the worker to reach it
        }
        if (ahead != null) {
            matchNextWhileWaitingFor(ahead, where.get());
            List<Match> made = ahead.await();
            if (made != null) {
                metrics.matched(true);
                lastTaken.set(ahead);
                return made;
            }
        }
        metrics.matched(false);
        return matcher.apply(article);
    }

    /**
     * While the worker finishes the article the stream thread needs now, the stream thread matches the articles
     * after it in the same partition that no worker has started, rather than wait idle: it needs them next, and on
     * two cores a wait left the core to whatever else was runnable (the profile had the stream thread waiting on the
     * worker 15% of its time). Each is made by {@link Ahead#run} as the worker would, so taking it later finds it done.
     */
    private void matchNextWhileWaitingFor(Ahead needed, RecordMetadata where) {
        ConcurrentSkipListMap<Long, Ahead> pending = byPartition.get(where.partition());
        if (pending == null) {
            return;
        }
        int looked = 0;
        for (Ahead next : pending.tailMap(where.offset(), false).values()) {
            if (needed.state.get() == DONE || ++looked > LOOK_AHEAD) {
                return;
            }
            next.run(); // nothing, unless no one has started it
        }
    }

    /**
     * The story signature the worker made for {@code articleId}, when it is the article whose matches this thread
     * took last from {@link #match} (and they were not empty); else null, and the caller makes it.
     */
    public int[] signatureMadeFor(String articleId) {
        Ahead last = lastTaken.get();
        lastTaken.remove();
        return last != null && last.article != null && last.article.id().equals(articleId) ? last.signature : null;
    }

    /**
     * The article at {@code where} as the worker read it from the record's bytes, or null when it has not (yet):
     * then the stream thread reads it itself. The same bytes make the same article.
     */
    public Article decoded(Optional<RecordMetadata> where) {
        if (where.isEmpty() || !Topics.ARTICLES_RAW.name().equals(where.get().topic())) {
            return null;
        }
        ConcurrentSkipListMap<Long, Ahead> pending = byPartition.get(where.get().partition());
        Ahead ahead = pending == null ? null : pending.get(where.get().offset());
        return ahead == null ? null : ahead.article;
    }

    private Ahead take(RecordMetadata where) {
        ConcurrentSkipListMap<Long, Ahead> pending = byPartition.get(where.partition());
        if (pending == null || !Topics.ARTICLES_RAW.name().equals(where.topic())) {
            return null;
        }
        Ahead ahead = pending.remove(where.offset());
        pending.headMap(where.offset()).clear(); // records the topology went past without asking
        return ahead;
    }

    /** One article's matching. */
    private final class Ahead implements Runnable {
        private final byte[] key;
        private final byte[] value;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final long queuedAt = System.nanoTime();
        /** Set once read and found to be the record's (its id is the key); for the topology's decode step. */
        private volatile Article article;
        private List<Match> matches;
        /** The story signature of a matched article (null when it matched nothing). */
        private int[] signature;

        Ahead(byte[] key, byte[] value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return;
            }
            try {
                Article read = ARTICLES.fromBytes(value);
                if (read.id().equals(new String(key, StandardCharsets.UTF_8))) {
                    article = read;
                    List<Match> made = matcher.apply(read);
                    signature = made.isEmpty() ? null : StoryClusterer.signatureOf(read);
                    matches = made;
                }
            } catch (RuntimeException e) {
                matches = null; // made again inline, where the failure is dead-lettered
            } finally {
                synchronized (this) {
                    state.set(DONE);
                    notifyAll();
                }
            }
        }

        /** The matches once the worker is done; null if it could not make them. */
        synchronized List<Match> await() {
            while (state.get() != DONE) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return matches;
        }
    }
}
