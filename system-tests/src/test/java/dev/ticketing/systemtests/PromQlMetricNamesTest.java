package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void findsTheMetricsOfAQuantileOverRates() {
        assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (le, application) "
                + "(rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\", status=~\"5..\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void findsBothSidesOfARatioAndIgnoresKeywordsNumbersAndOffsets() {
        assertThat(PromQlMetricNames.of("sum(rate(a_total[1m] offset 5m)) / ignoring(status) group_left "
                + "sum(rate(b_total{x=\"or\"}[1m])) > 0.05 and on (application) c_seconds_max > 1e3 or vector(0)"))
                .containsExactly("a_total", "b_total", "c_seconds_max");
    }

    @Test
    void aGroupingClauseAfterTheAggregateIsNotAMetric() {
        assertThat(PromQlMetricNames.of("sum(increase(ticketing_consumer_dead_letters_total[10m])) by (topic, group) > 0"))
                .containsExactly("ticketing_consumer_dead_letters_total");
    }
}
