package dev.ticketing.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;

/** The servlet side of the key check: runs before the body is read, so a refused request changes nothing. */
class AdminKeyInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyInterceptor.class);

    private final AdminKeyVerifier verifier;

    AdminKeyInterceptor(AdminKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        AdminKeyVerifier.Verdict verdict = verifier.verify(request.getHeader(AdminKeyVerifier.HEADER));
        if (verdict == AdminKeyVerifier.Verdict.ACCEPTED) {
            return true;
        }
        log.warn("admin_request_refused reason={} method={} path={} remote={}",
                verdict, request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
        throw new AdminAccessDenied(verdict);
    }
}
