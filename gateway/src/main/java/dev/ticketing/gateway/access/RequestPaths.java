package dev.ticketing.gateway.access;

/**
 * Refuses paths that a service could read differently from the gateway. The gateway decides access on the raw
 * path, while a service (Tomcat) removes dot segments and path parameters before routing: {@code
 * /api/v1/admin/../concerts/x/dates} would pass as an admin path here and serve seat data there. No path of the
 * API has dot segments, {@code ;}, backslashes, empty segments or percent-encoded dots and slashes, so refusing
 * them costs no client anything.
 */
final class RequestPaths {

    private RequestPaths() {
    }

    static boolean isPlain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case ';', '\\' -> {
                    return false;
                }
                case '/' -> {
                    if (i + 1 < path.length() && (path.charAt(i + 1) == '/' || path.charAt(i + 1) == '.')) {
                        return false;
                    }
                }
                case '%' -> {
                    if (isEncodedDotOrSlash(path, i)) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }

    private static boolean isEncodedDotOrSlash(String path, int percent) {
        if (percent + 2 >= path.length()) {
            return false;
        }
        char high = path.charAt(percent + 1);
        char low = Character.toLowerCase(path.charAt(percent + 2));
        return (high == '2' && (low == 'e' || low == 'f')) || (high == '5' && low == 'c');
    }
}
