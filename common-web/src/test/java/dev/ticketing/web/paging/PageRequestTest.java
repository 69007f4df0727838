package dev.ticketing.web.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void withoutParametersItIsTheFirstPageOfTwenty() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(20, Optional.empty()));
    }

    @Test
    void aCursorHandsBackThePositionItWasMadeOf() {
        String cursor = PageRequest.cursorAfter("2026-11-30T10:00:00.123456Z|3f9c");

        assertThat(cursor).doesNotContain("2026", "|", "=");
        assertThat(PageRequest.of("100", cursor))
                .isEqualTo(new PageRequest(100, Optional.of("2026-11-30T10:00:00.123456Z|3f9c")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "1.5", "abc", "", " 5", "0x10", "99999999999"})
    void aLimitOutsideOneToAHundredIsRefused(String limit) {
        assertThatThrownBy(() -> PageRequest.of(limit, null)).isInstanceOf(InvalidPage.class)
                .hasMessageContaining("limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "%%%", "bm90IG91cnM", "MTo", "2:abc", "MjphYmM"})
    void aCursorThisServiceDidNotHandOutIsRefused(String cursor) {
        assertThatThrownBy(() -> PageRequest.of(null, cursor)).isInstanceOf(InvalidPage.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void aPageWithMoreRowsBehindItCarriesTheCursorOfItsLastRow() {
        Page<String> page = Page.of(List.of("c", "b", "a"), 2, Function.identity());

        assertThat(page.items()).containsExactly("c", "b");
        assertThat(PageRequest.of(null, page.nextCursor()).after()).contains("b");
    }

    @Test
    void theLastPageHasNoCursor() {
        assertThat(Page.of(List.of("b", "a"), 2, Function.identity()).nextCursor()).isNull();
        assertThat(Page.of(List.<String>of(), 20, Function.identity()).nextCursor()).isNull();
    }
}
