package io.shoudan.sandbox.unionpay;

import io.shoudan.money.Money;
import java.time.LocalDateTime;

/**
 * The host's answer, by ISO 8583 field. Null: field absent.
 *
 * @param mti            the response MTI (0210, 0230, 0410)
 * @param maskedPan      field 2, masked (the full PAN never leaves the host in an answer object)
 * @param hostTime       fields 12 + 13, Beijing time
 * @param rrn            field 37
 * @param authorizationCode field 38
 * @param field39        field 39
 * @param originalStatus for a query: what became of the original
 * @param originalField39 for a query: the original's own field 39
 */
public record HostResponse(
        String mti,
        String processingCode,
        String maskedPan,
        Money amount,
        String stan,
        LocalDateTime hostTime,
        String rrn,
        String authorizationCode,
        ResponseCode field39,
        String terminalId,
        String merchantId,
        TransactionStatus originalStatus,
        ResponseCode originalField39) {

    static HostResponse refused(String mti, String processingCode, TerminalRef terminal, Money amount,
                                LocalDateTime at, ResponseCode code) {
        return new HostResponse(mti, processingCode, null, amount, terminal.stan(), at, null, null, code,
                terminal.terminalId(), terminal.merchantId(), null, null);
    }
}
