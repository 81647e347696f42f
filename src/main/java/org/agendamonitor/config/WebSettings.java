package org.agendamonitor.config;

/** Where the dashboard, JSON API and /metrics listen. Loopback unless configured otherwise. */
public record WebSettings(String bind, int port) {
}
