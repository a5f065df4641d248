package io.shoudan.iso8583.spec;

/**
 * Where the value sits when it does not fill its space.
 *
 * <p>For BCD with an odd number of digits: {@code LEFT} writes the digits first and the pad nibble last
 * ("左靠，右补0"), {@code RIGHT} writes the pad nibble first ("右靠"). For a fixed-length value shorter than the
 * field: {@code LEFT} pads on the right (text with spaces), {@code RIGHT} pads on the left (numbers with zeros).
 */
public enum Justify {
    LEFT,
    RIGHT
}
