package org.agendamonitor.alert;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.agendamonitor.config.SmtpSettings;
import org.agendamonitor.model.Alert;

/** Sends each alert as a plain-text e-mail over SMTP (Jakarta Mail, Angus), STARTTLS required unless turned off. */
public final class EmailSink implements AlertSink {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final SmtpSettings smtp;
    private final Session session;

    public EmailSink(SmtpSettings smtp) {
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        if (!smtp.enabled()) {
            throw new IllegalArgumentException("e-mail sink without alert.smtp.host");
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT.toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT.toMillis()));
        p.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
        p.put("mail.smtp.auth", String.valueOf(smtp.username() != null));
        this.session = Session.getInstance(p);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(Alert alert) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.from()));
        for (String to : smtp.to()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        message.setSubject("[Agenda Monitor] " + alert.recommendation().id() + ": " + alert.headline(),
                StandardCharsets.UTF_8.name());
        message.setText(body(alert), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(alert.raisedAt()));
        message.setHeader("X-Agenda-Alert-Id", alert.id());
        if (smtp.username() != null) {
            Transport.send(message, smtp.username(), smtp.password());
        } else {
            Transport.send(message);
        }
    }

    static String body(Alert alert) {
        StringBuilder b = new StringBuilder();
        b.append(alert.headline()).append("\n\n");
        b.append("Recommendation: ").append(alert.recommendation().id()).append('\n');
        b.append("Why: ").append(alert.detail()).append('\n');
        b.append("Outlets (").append(alert.sources().size()).append("): ").append(String.join(", ", alert.sources()))
                .append('\n');
        b.append("First seen: ").append(alert.firstSeen()).append("  Last seen: ").append(alert.lastSeen())
                .append('\n');
        b.append("Matched terms: ").append(String.join(", ", alert.terms())).append("\n\n");
        alert.urls().forEach(u -> b.append(u).append('\n'));
        b.append("\nStory ").append(alert.storyId()).append(", alert ").append(alert.id()).append('\n');
        return b.toString();
    }
}
