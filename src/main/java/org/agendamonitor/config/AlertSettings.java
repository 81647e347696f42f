package org.agendamonitor.config;

import java.net.URI;

/** Alert delivery. The webhook URL may carry a token, so {@link #toString()} masks it. */
public record AlertSettings(URI webhookUrl) {

    public boolean webhookEnabled() {
        return webhookUrl != null;
    }

    @Override
    public String toString() {
        return "AlertSettings[webhookUrl=" + (webhookUrl == null ? "off" : webhookUrl.getScheme() + "://"
                + webhookUrl.getHost() + "/***") + "]";
    }
}
