/** Field 52: ISO 9564 format 0 PIN blocks under the PIN key; PIN and PAN values that never print in full. */
package io.shoudan.iso8583.pin;
