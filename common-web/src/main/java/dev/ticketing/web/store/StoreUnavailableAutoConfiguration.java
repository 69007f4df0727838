package dev.ticketing.web.store;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;

/** Servlet services with a database answer an unreachable database with 503 (see {@link StoreUnavailableHandling}). */
@AutoConfiguration
@ConditionalOnClass(DataAccessResourceFailureException.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(StoreUnavailableHandling.class)
public class StoreUnavailableAutoConfiguration {
}
