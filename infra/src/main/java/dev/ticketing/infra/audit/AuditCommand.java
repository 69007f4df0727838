package dev.ticketing.infra.audit;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import dev.ticketing.audit.AuditReport;
import dev.ticketing.audit.AuditUnavailable;
import dev.ticketing.audit.Judgement;
import dev.ticketing.infra.stack.StackSettings;

/**
 * {@code ./stack audit [--settle 5s] [--no-queue]}: audits the running local stack, prints one line per
 * discrepancy and a summary. Exit status 0 when clean, 1 with discrepancies, 2 when a store could not be read.
 */
public final class AuditCommand {

    public static final int CLEAN = 0;
    public static final int DISCREPANCIES = 1;
    public static final int UNAVAILABLE = 2;

    private AuditCommand() {
    }

    public static int run(StackSettings settings, List<String> options, PrintStream out, PrintStream err) {
        Duration settle = Judgement.DEFAULT_SETTLE;
        boolean queue = true;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--no-queue" -> queue = false;
                case "--settle" -> {
                    if (i + 1 == options.size()) {
                        return usage(err, "--settle needs a duration");
                    }
                    try {
                        settle = duration(options.get(++i));
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        return usage(err, "--settle takes seconds (5, 5s) or an ISO-8601 duration (PT5S), not '" + options.get(i) + "'");
                    }
                }
                default -> {
                    return usage(err, "unknown option '" + options.get(i) + "'");
                }
            }
        }
        AuditSources sources = AuditSources.of(RunningStack.settings(settings));
        try {
            AuditReport report = ConsistencyAudit.run(queue ? sources : sources.withoutQueue(), settle, Clock.systemUTC());
            report.discrepancies().forEach(d -> out.println(d.line()));
            out.println(report.summary());
            return report.clean() ? CLEAN : DISCREPANCIES;
        } catch (AuditUnavailable e) {
            err.println("audit: " + e.getMessage() + " (is the stack up? ./stack status)");
            return UNAVAILABLE;
        }
    }

    static Duration duration(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        Duration settle = value.startsWith("P") ? Duration.parse(value)
                : Duration.ofSeconds(Long.parseLong(value.endsWith("S") ? value.substring(0, value.length() - 1) : value));
        if (settle.isNegative()) {
            throw new IllegalArgumentException("negative");
        }
        return settle;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("audit: " + problem + ". Use: audit [--settle <seconds>] [--no-queue]");
        return UNAVAILABLE;
    }
}
