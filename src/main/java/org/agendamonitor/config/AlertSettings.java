package org.agendamonitor.config;

import java.net.URI;
import java.time.Duration;

/**
 * Alert delivery: the webhook, e-mail over SMTP, and how hard to try. The webhook URL may carry a token and the SMTP
 * settings a password, so {@link #toString()} masks both.
 *
 * @param webhookUrl     Slack-compatible incoming webhook, or null (off)
 * @param smtp           e-mail settings ({@link SmtpSettings#enabled()} false = off)
 * @param maxAttempts    attempts per alert and sink before it is counted as failed and skipped
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 */
public record AlertSettings(URI webhookUrl, SmtpSettings smtp, int maxAttempts, Duration initialBackoff) {
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    public AlertSettings {
        smtp = smtp == null ? SmtpSettings.OFF : smtp;
        initialBackoff = initialBackoff == null ? DEFAULT_BACKOFF : initialBackoff;
        if (maxAttempts < 1 || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("bad alert delivery: max attempts " + maxAttempts + ", back-off "
                    + initialBackoff);
        }
    }

    /** Webhook only, default delivery (as before e-mail existed). */
    public AlertSettings(URI webhookUrl) {
        this(webhookUrl, SmtpSettings.OFF, DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF);
    }

    public boolean webhookEnabled() {
        return webhookUrl != null;
    }

    @Override
    public String toString() {
        return "AlertSettings[webhookUrl=" + (webhookUrl == null ? "off" : webhookUrl.getScheme() + "://"
                + webhookUrl.getHost() + "/***") + ", smtp=" + smtp + ", maxAttempts=" + maxAttempts
                + ", initialBackoff=" + initialBackoff + "]";
    }
}
