package dev.ticketing.analytics.figures;

/**
 * One concert date's sales: reservation events counted by outcome, and money from payment events (KRW).
 * {@code seatsSold} is the confirmations: each sells one seat, and a seat is sold once (invariant 1).
 */
public record DateFigures(long scheduleId, String date, long holds, long expiries, long confirmations,
                          long rejections, long payments, long paidAmount, long refunds, long refundedAmount) {

    public static DateFigures of(long scheduleId, String date) {
        return new DateFigures(scheduleId, date, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public long seatsSold() {
        return confirmations;
    }

    /** What the date has earned: paid, less what was given back for seats the payers did not get. */
    public long revenue() {
        return paidAmount - refundedAmount;
    }

    public DateFigures held() {
        return new DateFigures(scheduleId, date, holds + 1, expiries, confirmations, rejections, payments, paidAmount,
                refunds, refundedAmount);
    }

    public DateFigures expired() {
        return new DateFigures(scheduleId, date, holds, expiries + 1, confirmations, rejections, payments, paidAmount,
                refunds, refundedAmount);
    }

    public DateFigures confirmed() {
        return new DateFigures(scheduleId, date, holds, expiries, confirmations + 1, rejections, payments, paidAmount,
                refunds, refundedAmount);
    }

    public DateFigures rejected() {
        return new DateFigures(scheduleId, date, holds, expiries, confirmations, rejections + 1, payments, paidAmount,
                refunds, refundedAmount);
    }

    public DateFigures paid(long amount) {
        return new DateFigures(scheduleId, date, holds, expiries, confirmations, rejections, payments + 1,
                paidAmount + amount, refunds, refundedAmount);
    }

    public DateFigures refunded(long amount) {
        return new DateFigures(scheduleId, date, holds, expiries, confirmations, rejections, payments, paidAmount,
                refunds + 1, refundedAmount + amount);
    }
}
