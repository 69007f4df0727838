package dev.ticketing.gateway.access;

import java.util.Arrays;

/**
 * A path pattern of literal segments, {@code *} (any one segment), {@code {concertId}} (any one segment, named)
 * and a final {@code **} (the rest, possibly nothing). Matching walks the request path in place: no regex, no
 * splitting, no allocation, since it runs on every request.
 */
final class PathTemplate {

    static final String CONCERT_ID = "{concertId}";

    private final String pattern;
    private final String[] segments;
    private final int concertSegment;

    PathTemplate(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with /: " + pattern);
        }
        this.pattern = pattern;
        this.segments = pattern.equals("/") ? new String[0] : pattern.substring(1).split("/");
        this.concertSegment = Arrays.asList(segments).indexOf(CONCERT_ID);
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].equals("**")) {
                throw new IllegalArgumentException("** may only end a path template: " + pattern);
            }
        }
    }

    boolean matches(String path) {
        if (segments.length == 0) {
            return path.equals("/");
        }
        int position = 0;
        for (String segment : segments) {
            if (segment.equals("**")) {
                return position == path.length() || path.charAt(position) == '/';
            }
            int start = position + 1;
            if (start > path.length() || path.charAt(position) != '/') {
                return false;
            }
            int end = endOfSegment(path, start);
            if (end == start || !(isWildcard(segment) || sameSegment(path, start, end, segment, false))) {
                return false;
            }
            position = end;
        }
        return position == path.length();
    }

    /** Whether the {@code {concertId}} segment of a path this template matched is {@code concertId}. */
    boolean concertIs(String path, String concertId) {
        if (concertSegment < 0) {
            throw new IllegalStateException(pattern + " names no concert");
        }
        int start = 0;
        for (int i = 0; i <= concertSegment; i++) {
            start = path.indexOf('/', start) + 1;
        }
        // UUIDs compare without regard to case.
        return sameSegment(path, start, endOfSegment(path, start), concertId, true);
    }

    boolean namesConcert() {
        return concertSegment >= 0;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static boolean isWildcard(String segment) {
        return segment.equals("*") || segment.equals(CONCERT_ID);
    }

    private static int endOfSegment(String path, int start) {
        int slash = path.indexOf('/', start);
        return slash < 0 ? path.length() : slash;
    }

    private static boolean sameSegment(String path, int start, int end, String expected, boolean ignoreCase) {
        return end - start == expected.length() && path.regionMatches(ignoreCase, start, expected, 0, end - start);
    }
}
