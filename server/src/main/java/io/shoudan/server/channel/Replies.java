package io.shoudan.server.channel;

import io.shoudan.channels.TransportReply;
import io.shoudan.sandbox.fault.ChannelReply;

import java.util.function.Function;

/** The sandbox's reply as a transport reply: a lost response is no answer; an injected delay is how long the call took. */
final class Replies {

    private Replies() {
    }

    static <S, A> TransportReply<A> of(ChannelReply<S> reply, Function<S, A> map) {
        return switch (reply) {
            case ChannelReply.Delivered<S> delivered -> new TransportReply.Answered<>(map.apply(delivered.answer()), delivered.delay());
            case ChannelReply.ResponseLost<S> lost -> TransportReply.noAnswer();
        };
    }
}
