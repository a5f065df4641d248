/** Framing around a message on TCP: 2-byte length and the 5-byte TPDU. */
package io.shoudan.iso8583.frame;
