package dev.ticketing.reservation.hold.application;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases' transactions: short, and READ COMMITTED, so that InnoDB takes no gap locks. A sweep's
 * range scan then never blocks the insert of a new hold, and locks are only ever held on the rows decided.
 */
final class Transactions {

    private Transactions() {
    }

    static TransactionTemplate readCommitted(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return template;
    }
}
