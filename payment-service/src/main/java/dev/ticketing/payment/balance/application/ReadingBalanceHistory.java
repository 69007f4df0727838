package dev.ticketing.payment.balance.application;

import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.ticketing.payment.balance.domain.BalanceEntry;
import dev.ticketing.payment.balance.domain.Ledger;
import dev.ticketing.web.paging.InvalidPage;
import dev.ticketing.web.paging.Page;
import dev.ticketing.web.paging.PageRequest;

/** Use case: a fan reads their balance history, newest first, a page at a time. Only their own entries. */
@Service
public class ReadingBalanceHistory {

    private final Ledger ledger;

    public ReadingBalanceHistory(Ledger ledger) {
        this.ledger = ledger;
    }

    /** @throws InvalidPage for a cursor that is not a position in a history */
    public Page<BalanceEntry> historyOf(UUID userId, PageRequest page) {
        OptionalLong before = page.after().map(ReadingBalanceHistory::position)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        return Page.of(ledger.newestOf(userId, before, page.limit() + 1), page.limit(),
                        positioned -> Long.toString(positioned.position()))
                .map(Ledger.Positioned::entry);
    }

    private static long position(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw InvalidPage.cursor();
        }
    }
}
