package org.agendamonitor.config;

import java.util.List;
import java.util.Objects;

/**
 * E-mail delivery of alerts. The password only ever comes from the environment ({@code AGENDA_ALERT_SMTP_PASSWORD})
 * and {@link #toString()} never shows it.
 *
 * @param host     SMTP server, or null (e-mail off)
 * @param port     SMTP port (587 submission by default)
 * @param from     sender address
 * @param to       recipients
 * @param username login, or null for no authentication
 * @param password login password, or null
 * @param starttls require STARTTLS before anything is sent (turn off only for a relay on loopback)
 */
public record SmtpSettings(String host, int port, String from, List<String> to, String username, String password,
        boolean starttls) {
    public static final SmtpSettings OFF = new SmtpSettings(null, 587, null, List.of(), null, null, true);

    public SmtpSettings {
        host = blankToNull(host);
        from = blankToNull(from);
        username = blankToNull(username);
        password = blankToNull(password);
        to = to == null ? List.of() : to.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (host != null && (from == null || to.isEmpty())) {
            throw new IllegalArgumentException("alert.smtp.host is set, so alert.smtp.from and alert.smtp.to are "
                    + "required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad alert.smtp.port " + port);
        }
    }

    public boolean enabled() {
        return host != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return enabled() ? "SmtpSettings[" + host + ":" + port + ", from=" + from + ", to=" + to + ", username="
                + Objects.requireNonNullElse(username, "none") + ", password=" + (password == null ? "none" : "***")
                + ", starttls=" + starttls + "]" : "off";
    }
}
