package dev.ticketing.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ticketing.infra.embedded.Ports;
import dev.ticketing.infra.stack.StackSettings;

class AuditCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSettleWindowIsGivenInSecondsOrAsAnIsoDuration() {
        assertThat(AuditCommand.duration("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(AuditCommand.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(AuditCommand.duration("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> AuditCommand.duration("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditCommand.duration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStackThatIsNotRunningCannotBeAuditedAndSaysSo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = AuditCommand.run(settings(Ports.freePort(), Ports.freePort()), List.of("--no-queue"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(AuditCommand.UNAVAILABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("audit: Cannot read concert-service's schema").contains("./stack status");
    }

    @Test
    void anUnknownOptionIsRefusedBeforeAnythingIsRead() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = AuditCommand.run(settings(1, 1), List.of("--settle"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(AuditCommand.UNAVAILABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--settle needs a duration");
    }

    @Test
    void theRecordedPortsAndSettingsOfARunningStackWinOverTheEnvironment() {
        StackSettings up = settings(13306, 16379).withSetting("QUEUE_MAX_ACTIVE", "7");
        RunningStack.record(up);

        StackSettings read = RunningStack.settings(settings(3306, 6379));

        assertThat(read.ports().mariaDb()).isEqualTo(13306);
        assertThat(read.ports().redis()).isEqualTo(16379);
        AuditSources sources = AuditSources.of(read);
        assertThat(sources.queue()).hasValueSatisfying(q -> assertThat(q.maxActive()).isEqualTo(7));
        assertThat(sources.payment().jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:13306/payment_db?");
        assertThat(sources.payment().user()).isEqualTo("payment");
    }

    private StackSettings settings(int mariaDbPort, int redisPort) {
        StackSettings.Ports s = StackSettings.Ports.standard();
        return new StackSettings(dir, dir.resolve(".stack"), new StackSettings.Ports(s.gateway(), s.queue(), s.concert(),
                s.reservation(), s.payment(), s.analytics(), s.kafka(), s.kafkaController(), mariaDbPort, redisPort),
                StackSettings.DEFAULT_SETTINGS, "key", List.of(), false);
    }
}
