package dev.ticketing.queue.waiting.adapter.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a Lua table reply: Redis turns Lua numbers into integers (Long) and strings into bulk strings. */
record ScriptReply(List<?> items) {

    String text(int index) {
        Object item = items.get(index);
        if (item instanceof ByteBuffer buffer) {
            return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
        }
        if (item instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(item);
    }

    long number(int index) {
        Object item = items.get(index);
        return item instanceof Number n ? n.longValue() : Long.parseLong(text(index));
    }

    /** An optional number the script sends as text, '' when absent. */
    String optional(int index) {
        String text = text(index);
        return text.isEmpty() ? null : text;
    }
}
