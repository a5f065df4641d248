package io.shoudan.store.database;

import org.h2.mvstore.MVStore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for an embedded H2 file: a commit returns once a chunk written after it has reached the file, and
 * one chunk carries every commit that was waiting when it was started.
 *
 * <p>H2's own durable mode ({@code WRITE_DELAY=0}) has each committing session write a chunk of its own under the
 * store's lock; as other sessions' work in progress is unsaved too, nearly every commit writes one, and writing a
 * chunk (every changed page serialized again, copy-on-write) cost more than the rest of a sale. Here the committing
 * sessions elect one of themselves to write: it waits while other transactions are still open, up to
 * {@link #LINGER_NANOS}, so that they can join, then writes one chunk with {@link MVStore#commit()} for every commit
 * counted before it started; the others wait for it. A commit is counted after the session's transaction committed
 * in memory, so a chunk started after the count holds it.
 *
 * <p>The file is written, not forced: a killed process loses nothing, an operating-system crash or a power cut
 * loses what {@link H2Housekeeping} has not forced yet (at most a quarter of a second), as with {@code WRITE_DELAY=0}.
 */
final class H2GroupCommit {

    /** The longest a writer waits for open transactions to commit before it writes the chunk without them. */
    static final long LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final MVStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final Condition committedOrEnded = lock.newCondition();
    private long counted;
    private long writtenUpTo;
    private boolean writing;
    private int open;
    private long chunks;

    H2GroupCommit(MVStore store) {
        this.store = store;
    }

    /** A connection began a transaction: a writer may wait for its commit. */
    void began() {
        lock.lock();
        try {
            open++;
        } finally {
            lock.unlock();
        }
    }

    /** A transaction that {@link #began()} ended without committing (rolled back, or its connection closed). */
    void ended() {
        lock.lock();
        try {
            open--;
            committedOrEnded.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once everything committed before the call is in the file.
     *
     * @param endsTransaction whether this commit ends a transaction that {@link #began()}
     * @throws IllegalStateException when the store closed before it could be written
     */
    void awaitWritten(boolean endsTransaction) {
        lock.lock();
        try {
            if (endsTransaction) {
                open--;
            }
            long mine = ++counted;
            committedOrEnded.signal();
            while (writtenUpTo < mine) {
                if (writing) {
                    written.awaitUninterruptibly();
                } else {
                    write();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Chunk writes this group commit has started (a write that finds everything already in the file writes none). */
    long chunksWritten() {
        lock.lock();
        try {
            return chunks;
        } finally {
            lock.unlock();
        }
    }

    /** Transactions begun and not yet committed or ended. */
    int openTransactions() {
        lock.lock();
        try {
            return open;
        } finally {
            lock.unlock();
        }
    }

    /** Called holding the lock; returns holding it. */
    private void write() {
        writing = true;
        boolean stored = false;
        long upTo = 0;
        try {
            lingerWhileOthersAreOpen();
            upTo = counted;
            chunks++;
            lock.unlock();
            try {
                store.commit();
                stored = !store.isClosed();
            } finally {
                lock.lock();
            }
        } finally {
            writing = false;
            if (stored) {
                writtenUpTo = Math.max(writtenUpTo, upTo);
            }
            written.signalAll();
        }
        if (!stored) {
            throw new IllegalStateException("the embedded store closed before this commit was written to its file"
                    + " / 嵌入式数据库已关闭，本次提交未写入文件");
        }
    }

    private void lingerWhileOthersAreOpen() {
        long deadline = System.nanoTime() + LINGER_NANOS;
        long left;
        while (open > 0 && (left = deadline - System.nanoTime()) > 0) {
            try {
                committedOrEnded.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
