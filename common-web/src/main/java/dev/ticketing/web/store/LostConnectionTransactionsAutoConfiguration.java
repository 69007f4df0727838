package dev.ticketing.web.store;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionManager;

/**
 * The transaction manager of a service with a database: Boot's, as {@code DataSourceTransactionManagerAutoConfiguration}
 * makes it (and customizes it from {@code spring.transaction.*}), but a {@link LostConnectionTransactionManager}.
 * Placed before Boot's, which then backs off; a service or test that declares its own transaction manager wins.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration")
@ConditionalOnClass({JdbcTransactionManager.class, DataSource.class, TransactionManagerCustomizers.class})
@ConditionalOnSingleCandidate(DataSource.class)
public class LostConnectionTransactionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    LostConnectionTransactionManager transactionManager(DataSource dataSource,
                                                       ObjectProvider<TransactionManagerCustomizers> customizers) {
        LostConnectionTransactionManager transactionManager = new LostConnectionTransactionManager(dataSource);
        customizers.ifAvailable(customizer -> customizer.customize(transactionManager));
        return transactionManager;
    }
}
