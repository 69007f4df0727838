package dev.ticketing.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The page's files agree with each other: every word it shows exists in English and Korean, every file it loads is there. */
class FansPageFilesTest {

    private static final Pattern WORD_USED = Pattern.compile("\\bt\\('(\\w+)'");
    private static final Pattern WORD_IN_HTML = Pattern.compile("data-i18n=\"(\\w+)\"");
    private static final Pattern WORD_DEFINED = Pattern.compile("(?m)^\\s{4}(\\w+):");
    private static final Pattern LOADED = Pattern.compile("(?:src|href)=\"(/app/[^\"]+)\"");

    @Test
    void everyWordThePageShowsIsInBothLanguagesAndNoneIsLeftOver() throws IOException {
        String i18n = file("/static/app/i18n.js");
        Set<String> english = words(WORD_DEFINED, i18n.substring(i18n.indexOf("en: {"), i18n.indexOf("ko: {")));
        Set<String> korean = words(WORD_DEFINED, i18n.substring(i18n.indexOf("ko: {")));
        Set<String> used = words(WORD_USED, file("/static/app/app.js"));
        used.addAll(words(WORD_IN_HTML, file("/static/index.html")));
        used.addAll(Set.of("AVAILABLE", "HELD", "SOLD")); // seat statuses, looked up by the API's value

        assertThat(english).as("English words").containsAll(used);
        assertThat(korean).as("Korean words").isEqualTo(english);
        assertThat(used).as("words defined but never shown").containsAll(english);
    }

    @Test
    void everyFileThePageLoadsIsServedAndNothingComesFromAnotherOrigin() throws IOException {
        String html = file("/static/index.html");
        Matcher loaded = LOADED.matcher(html);
        int files = 0;
        while (loaded.find()) {
            assertThat(FansPageFilesTest.class.getResource("/static" + loaded.group(1))).as(loaded.group(1)).isNotNull();
            files++;
        }
        assertThat(files).isEqualTo(3);
        for (String page : new String[] {"/static/index.html", "/static/app/app.js", "/static/app/app.css"}) {
            assertThat(file(page)).as(page).doesNotContainPattern("(?i)(src|href|url)\\s*[=(]\\s*[\"']?(https?:)?//");
        }
    }

    @Test
    void chargesAndPaymentsAlwaysCarryAnIdempotencyKey() throws IOException {
        String app = file("/static/app/app.js");
        assertThat(app).containsPattern("call\\('POST', '/balance/charges', \\{[^)]*idempotencyKey: key");
        assertThat(app).containsPattern("call\\('POST', '/payments',\\s*\\{[^}]*\\}[^)]*idempotencyKey: key");
    }

    private static Set<String> words(Pattern pattern, String text) {
        Set<String> words = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group(1));
        }
        return words;
    }

    private static String file(String path) throws IOException {
        try (InputStream in = FansPageFilesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
