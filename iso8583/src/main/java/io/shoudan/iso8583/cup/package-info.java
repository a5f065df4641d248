/** China UnionPay POS terminal specifics: transaction identification, 60.3 network management codes, field 60. */
package io.shoudan.iso8583.cup;
