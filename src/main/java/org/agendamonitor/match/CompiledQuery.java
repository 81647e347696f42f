package org.agendamonitor.match;

import org.agendamonitor.model.Recommendation;

/**
 * One agenda query as registered in the Lucene monitor.
 *
 * @param monitorId      the id it is registered under
 * @param recommendation its recommendation
 * @param kind           what it is for
 * @param ref            topic or milestone id; null for exclusions and direction cues
 * @param language       en or es: which articles it runs on
 * @param text           the query as written in agenda.yaml
 */
record CompiledQuery(String monitorId, Recommendation recommendation, QueryKind kind, String ref, String language,
                     String text) {
}
