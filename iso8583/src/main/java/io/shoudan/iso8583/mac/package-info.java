/** Field 64: UnionPay ECB MAC, ANSI X9.19, the SM4 variant; signing packed images and verifying parsed ones. */
package io.shoudan.iso8583.mac;
