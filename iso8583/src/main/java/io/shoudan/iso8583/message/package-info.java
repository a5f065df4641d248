/** Messages and the codec: building ({@code IsoMessage}), packing, unpacking into offset views ({@code ParsedMessage}) or a {@code DecodeError} naming field and offset, masked printing. */
package io.shoudan.iso8583.message;
