/** Wire encodings: packed BCD by lookup tables and 64-bit words, upper-case hex. */
package io.shoudan.iso8583.encoding;
