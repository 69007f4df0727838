package dev.ticketing.web.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, newest first: {@code {items, nextCursor}}, {@code nextCursor} null on the last page.
 *
 * @param <T> what the listing lists
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * @param fetched    up to {@code limit + 1} rows in listing order: the extra one only says there is more
     * @param positionOf where a row stands, as {@link PageRequest#after()} will hand it back
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> positionOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, PageRequest.cursorAfter(positionOf.apply(items.getLast())));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
