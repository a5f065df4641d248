package io.shoudan.store.database;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an embedded H2 file compact while H2's background writer is off: {@code WRITE_DELAY=0} ({@link JdbcUrl}) and
 * {@link H2GroupCommit} both switch it off.
 *
 * <p>H2 rewrites half-empty chunks of its file only from that background thread. With commits written as they happen,
 * nearly every chunk keeps a page or two that stay current, and no chunk is ever freed: under 400 sales/s the file
 * grew by 28 MB a second without end (docs/STORE.md, "Durability"). This does that thread's work on a timer of its
 * own: it asks the store to rewrite the least-filled chunks, as H2's housekeeping does while the database is busy, so
 * their space can be reused.
 *
 * <p>Each round first writes anything not in the file yet (H2's own work outside any connection the store hands out)
 * and forces the file to the disk. That bounds what an operating-system crash or a power cut can lose
 * to the time between rounds (a quarter of a second, {@link Database}), and it is what lets {@link JdbcUrl} shorten
 * H2's retention of dead chunks from 45 s (time it leaves the operating system to write everything back) to 5 s.
 */
final class H2Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** H2's own target while busy: its default fill rate of 90 %, squared. */
    static final int TARGET_FILL_RATE = 90 * 90 / 100;
    /** At most this much rewritten per round, so a round holds the store's lock briefly: 1 MB a second at four rounds a second. */
    static final int WRITE_LIMIT_BYTES = 256 << 10;

    private final MVStore store;
    private final ScheduledExecutorService timer;

    H2Housekeeping(MVStore store, Duration every) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("h2-housekeeping").daemon().factory());
        timer.scheduleWithFixedDelay(this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: writes what is not in the file yet and forces the file to the disk, then rewrites the least-filled chunks when they are below the target fill rate. */
    boolean round() {
        try {
            if (store.isClosed()) {
                return false;
            }
            store.commit();
            store.sync();
            return store.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES);
        } catch (RuntimeException e) {
            LOG.warn("H2 housekeeping round failed (the next one retries) / H2 文件整理失败（下一轮重试）: {}", e.toString());
            return false;
        }
    }

    int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    @Override
    public void close() {
        // shutdown, not shutdownNow: an interrupt inside a FileChannel call closes the channel for every user of the
        // file, and the store could then write nothing more, not even what a closing database still has to write.
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
