package dev.ticketing.payment.balance.domain;

/** The ledger of charges. */
public interface Charges {

    void add(Charge charge);
}
