package dev.ticketing.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps what a Spring MVC service reads of a request body. Tomcat and Jackson would read a body of any size, and
 * an unknown field is ignored, so a valid request padded to megabytes would go through. Reading past the cap fails
 * with {@link TooLarge}, which {@link MvcProblemHandling} answers with 413; nothing has been done by then.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    /** Far above any body of the API: a concert with 366 dates of 50 seat prices each is about 300 KB. */
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Thrown on reading a body larger than the cap, before the part beyond it is read. */
    public static final class TooLarge extends IOException {

        TooLarge(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes.");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Capped(request, maxBytes), response);
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream capped;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), getContentLengthLong(), maxBytes);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long declaredLength;
        private final long maxBytes;
        private long read;

        CappedStream(ServletInputStream in, long declaredLength, long maxBytes) {
            this.in = in;
            this.declaredLength = declaredLength;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = in.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            int n = in.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
            count(n);
            return n;
        }

        private void check(long more) throws TooLarge {
            if (declaredLength > maxBytes || read + more > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }

        private void count(int n) throws TooLarge {
            if (n > 0) {
                read += n;
                check(0);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
