package io.shoudan.consumer;

import io.shoudan.money.Money;

/**
 * What the channel would find on the consumer's side. A diagnosis carries it as a simulation; a live
 * payment learns it from the channel's answer.
 *
 * @param balance          wallet balance; {@code null}: not checked
 * @param huabeiStatus     {@code null}: not checked
 * @param huabeiAvailable  available Huabei credit; {@code null}: not checked
 * @param paymentCodeValid false when the scanned code has expired or was already used
 */
public record ConsumerState(
        AccountStatus accountStatus,
        Money balance,
        HuabeiStatus huabeiStatus,
        Money huabeiAvailable,
        boolean paymentCodeValid) {

    public ConsumerState {
        accountStatus = accountStatus == null ? AccountStatus.NORMAL : accountStatus;
    }
}
