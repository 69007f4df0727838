package dev.ticketing.concert.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;

/** Guards {@code /api/v1/admin/**}: runs before the body is read, so a refused request changes nothing. */
class AdminKeyInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-Admin-Key";

    private static final Logger log = LoggerFactory.getLogger(AdminKeyInterceptor.class);

    private final AdminKeyVerifier verifier;

    AdminKeyInterceptor(AdminKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        AdminKeyVerifier.Verdict verdict = verifier.verify(request.getHeader(HEADER));
        if (verdict == AdminKeyVerifier.Verdict.ACCEPTED) {
            return true;
        }
        log.warn("admin_request_refused reason={} method={} path={} remote={}",
                verdict, request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
        throw new AdminAccessDenied(verdict);
    }
}
