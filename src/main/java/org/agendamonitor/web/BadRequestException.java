package org.agendamonitor.web;

/** A request parameter that cannot be used; answered with 400 and a JSON error naming it. */
final class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message);
    }
}
