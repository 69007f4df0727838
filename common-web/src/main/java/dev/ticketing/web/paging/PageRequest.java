package dev.ticketing.web.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A listing's {@code ?limit=} and {@code ?cursor=}: newest first, keyset paging. The cursor is opaque to clients;
 * inside it is the position of the last row of the previous page, so a page continues exactly after it however
 * many rows arrived since (they are newer, and land on page one).
 *
 * @param after the position the previous page ended at, as the listing wrote it; empty for the first page
 */
public record PageRequest(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private static final String VERSION = "1:";

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidPage("limit must be an integer from 1 to " + MAX_LIMIT + ".");
        }
    }

    /**
     * @param limit  as sent, or null for the default
     * @param cursor as sent, or null for the first page
     * @throws InvalidPage for a limit outside 1..100 or a cursor this service did not hand out
     */
    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(limitOf(limit), Optional.ofNullable(cursor).map(PageRequest::positionOf));
    }

    /** The cursor that continues after {@code position}. */
    public static String cursorAfter(String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int limitOf(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (!limit.matches("[0-9]{1,3}")) {
            throw new InvalidPage("limit must be an integer from 1 to " + MAX_LIMIT + ".");
        }
        return Integer.parseInt(limit);
    }

    private static String positionOf(String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw InvalidPage.cursor();
        }
        if (!decoded.startsWith(VERSION) || decoded.length() == VERSION.length()) {
            throw InvalidPage.cursor();
        }
        return decoded.substring(VERSION.length());
    }
}
