package dev.ticketing.infra.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

import dev.ticketing.audit.AuditUnavailable;
import dev.ticketing.infra.stack.StackFailure;
import dev.ticketing.infra.stack.StackSettings;

/**
 * The ports and settings a running {@code ./stack up} was started with, kept in {@code .stack/stack.properties}, so
 * that {@code ./stack audit} from another terminal (with another environment) checks against what actually runs,
 * e.g. the {@code QUEUE_MAX_ACTIVE} the queue was started with. No secrets are kept.
 */
public final class RunningStack {

    private static final String FILE = "stack.properties";

    private RunningStack() {
    }

    public static void record(StackSettings settings) {
        Properties properties = new Properties();
        StackSettings.Ports ports = settings.ports();
        properties.setProperty("port.mariadb", Integer.toString(ports.mariaDb()));
        properties.setProperty("port.redis", Integer.toString(ports.redis()));
        settings.serviceSettings().forEach((name, value) -> properties.setProperty("setting." + name, value));
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new StackFailure("Cannot create " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        try (Writer out = Files.newBufferedWriter(settings.dataDir().resolve(FILE))) {
            properties.store(out, "Written by ./stack up for ./stack audit");
        } catch (IOException e) {
            throw new StackFailure("Cannot write " + settings.dataDir().resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** The recorded ports and settings over {@code fallback}; {@code fallback} itself when nothing was recorded. */
    public static StackSettings settings(StackSettings fallback) {
        Path file = fallback.dataDir().resolve(FILE);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (IOException e) {
            throw new AuditUnavailable("Cannot read " + file + ": " + e.getMessage(), e);
        }
        StackSettings.Ports p = fallback.ports();
        StackSettings settings = fallback.withPorts(new StackSettings.Ports(p.gateway(), p.queue(), p.concert(), p.reservation(),
                p.payment(), p.analytics(), p.kafka(), p.kafkaController(),
                Integer.parseInt(properties.getProperty("port.mariadb", Integer.toString(p.mariaDb()))),
                Integer.parseInt(properties.getProperty("port.redis", Integer.toString(p.redis())))));
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("setting.")) {
                settings = settings.withSetting(name.substring("setting.".length()), properties.getProperty(name));
            }
        }
        return settings;
    }
}
