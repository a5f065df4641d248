/** Message specs as data: field number → length type, maximum, content, encoding, prefix, padding, masking; the CUP POS and ISO87-binary specs. */
package io.shoudan.iso8583.spec;
