package io.shoudan.sandbox.http;

import java.util.Objects;

/** What a channel endpoint sends back over the socket: a body, or nothing at all. */
public sealed interface WireAnswer {

    /** HTTP 200 with this body (channels report errors inside the body, never by HTTP status). */
    record Body(String contentType, String text) implements WireAnswer {
        public Body {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The call was processed but the answer is lost: the connection is closed without a response, so
     * the client sees a transport failure (the SDK an {@code AlipayApiException} caused by an
     * {@code IOException}) and must query.
     */
    record DropConnection() implements WireAnswer {
    }
}
