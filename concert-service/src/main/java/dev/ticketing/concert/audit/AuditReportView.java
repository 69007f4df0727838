package dev.ticketing.concert.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ticketing.audit.AuditReport;
import dev.ticketing.audit.Discrepancy;

/**
 * The answer of {@code GET /api/v1/admin/audit}: the verdict, the counts behind it and every discrepancy with the
 * ids an operator greps the logs for. The same lines as {@code ./stack audit} prints.
 */
public record AuditReportView(boolean clean, String summary, Instant checkedAt, long settleSeconds, boolean queueChecked,
                              List<Finding> discrepancies) {

    public record Finding(Discrepancy.Kind kind, Map<String, String> ids, String expected, String found, String line) {
    }

    static AuditReportView of(AuditReport report) {
        List<Finding> findings = report.discrepancies().stream()
                .map(d -> new Finding(d.kind(), d.ids(), d.expected(), d.found(), d.line()))
                .toList();
        return new AuditReportView(report.clean(), report.summary(), report.judgement().now(),
                report.judgement().settle().toSeconds(), report.queueSkipped().isEmpty(), findings);
    }
}
