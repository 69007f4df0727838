package dev.ticketing.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Makes sure Tomcat's own answers reach the client as problem+json. {@link ProblemJsonErrorReportValve} takes the
 * place of Tomcat's HTML error report. And Tomcat reads and drops up to {@link #MAX_SWALLOW_BYTES} of a body that
 * was refused unread ({@link RequestBodyLimit}'s 413), where it would otherwise close the connection at once and the
 * client, still sending, could see a reset instead of the answer (Tomcat's default swallows 2 MiB: less than what
 * remains of a body just over 2 MiB refused before its first byte).
 *
 * <p>Runs last among the factory customizers: Boot adds its own ErrorReportValve and swallow size in one, and
 * two report valves must not both be in the pipeline (the one added last would answer first).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.apache.catalina.valves.ErrorReportValve",
        "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory"})
public class TomcatProblemAnswers {

    /** Several times {@link RequestBodyLimit#DEFAULT_MAX_BYTES}; a larger body is refused by the gateway unsent. */
    static final int MAX_SWALLOW_BYTES = 8 * 1024 * 1024;

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemJsonErrorReports() {
        return new ProblemJsonErrorReports();
    }

    private static final class ProblemJsonErrorReports
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setMaxSwallowSize(MAX_SWALLOW_BYTES);
                }
            });
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    // Else the host adds Tomcat's own at start, behind ours, and it would answer first.
                    host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                    Pipeline pipeline = host.getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new ProblemJsonErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
