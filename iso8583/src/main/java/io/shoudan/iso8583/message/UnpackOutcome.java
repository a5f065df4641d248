package io.shoudan.iso8583.message;

/** The result of reading an image: the message, or a clean error naming the field and the offset. */
public sealed interface UnpackOutcome permits ParsedMessage, DecodeError {
}
