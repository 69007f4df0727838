package dev.ticketing.web.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the admin API, bound from {@code ticketing.*} (DESIGN.md section 3).
 *
 * @param adminKey secret expected in {@code X-Admin-Key} ({@code ADMIN_KEY}); empty disables the admin API,
 *                 which then refuses every request rather than being open
 */
@ConfigurationProperties("ticketing")
public record AdminApiProperties(String adminKey) {

    public AdminApiProperties {
        adminKey = adminKey == null ? "" : adminKey.strip();
    }

    public boolean adminApiEnabled() {
        return !adminKey.isEmpty();
    }

    /** Never print the secret (startup logs, failure analyses). */
    @Override
    public String toString() {
        return "AdminApiProperties[adminKey=" + (adminApiEnabled() ? "<set>" : "<empty>") + "]";
    }
}
