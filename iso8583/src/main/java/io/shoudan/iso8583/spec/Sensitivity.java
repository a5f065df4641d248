package io.shoudan.iso8583.spec;

/** How a field is shown when a message is printed or logged. */
public enum Sensitivity {
    /** Shown as is. */
    PUBLIC,
    /** Primary account number: first 6 and last 4 digits shown. */
    PAN,
    /** Track data: the account number part as {@link #PAN}, everything after the separator hidden. */
    TRACK,
    /** EMV TLV data: tags that carry card data (PAN, track 2 equivalent, name) hidden, the rest shown. */
    ICC,
    /** PIN blocks, keys: only the length is shown. */
    SECRET
}
