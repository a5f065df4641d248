package io.shoudan.channels;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** One operation of a scripted transport: answers queued by the test, requests kept for assertions; an empty script fails loudly. */
public final class Scripted<Q, A> {

    private final String name;
    private final Deque<Function<Q, TransportReply<A>>> replies = new ArrayDeque<>();
    private final List<Q> requests = new ArrayList<>();

    public Scripted(String name) {
        this.name = name;
    }

    public Scripted<Q, A> then(A answer) {
        replies.add(request -> TransportReply.answered(answer));
        return this;
    }

    public Scripted<Q, A> thenNoAnswer() {
        replies.add(request -> TransportReply.noAnswer());
        return this;
    }

    /** An answer came but its signature did not verify. */
    public Scripted<Q, A> thenUntrusted() {
        replies.add(request -> TransportReply.signatureInvalid(java.time.Duration.ofMillis(40)));
        return this;
    }

    public Scripted<Q, A> thenLate(A answer, java.time.Duration took) {
        replies.add(request -> new TransportReply.Answered<>(answer, took));
        return this;
    }

    public synchronized TransportReply<A> call(Q request) {
        requests.add(request);
        Function<Q, TransportReply<A>> next = replies.poll();
        if (next == null) {
            throw new AssertionError("unexpected " + name + " call: " + request);
        }
        return next.apply(request);
    }

    public synchronized List<Q> requests() {
        return List.copyOf(requests);
    }

    public synchronized int calls() {
        return requests.size();
    }
}
