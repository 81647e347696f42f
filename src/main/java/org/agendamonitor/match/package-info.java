/**
 * The MATCH stage: which of the brief's recommendations an article is about, following {@code config/agenda.yaml}.
 * Pure: depends on {@code model} and the {@code config} records only (no Kafka).
 *
 * <h2>Analysis</h2>
 * Articles and queries go through the same per-language Lucene analyzer ({@code AgendaAnalyzers}): standard
 * tokenizer, lower-casing, ASCII folding of accents, then light stemming (possessive removal and Krovetz for
 * English, Lucene's Spanish light stemmer for Spanish). No stop words are removed. Offsets survive analysis, so every hit points into the original
 * title or summary.
 *
 * <h2>Queries</h2>
 * Each agenda query is Lucene classic syntax with AND as the default operator, parsed once with its language's
 * analyzer. An article is read once per language ({@code ChunkTerms}): its whitespace-separated chunks are analyzed
 * once and remembered per thread, which gives the query words it holds; from those, {@code CandidateScreen} drops
 * the articles no recommendation can reach (most news) and picks the queries that can fire. Those run on a Lucene
 * {@link org.apache.lucene.index.memory.MemoryIndex} of only the words some query looks for, title and summary as
 * two values of one field separated by a position gap so no phrase spans both, plus the title alone for
 * {@code title:} clauses; Lucene's {@link org.apache.lucene.search.Matches} give each hit's offsets, mapped back to
 * title or summary. Tests hold every shortcut to the plain {@link org.apache.lucene.monitor.Monitor} setup (every
 * query on every article, {@code AgendaMatcher.reference}) on the dev set, the feed corpus and generated news.
 *
 * <h2>Rules, in order</h2>
 * <ol>
 *   <li><b>Language.</b> {@code en} articles run the {@code en} queries, {@code es} articles the {@code es} ones
 *       (region subtags such as {@code es-MX} are ignored); any other language, {@code und} included, runs both.</li>
 *   <li><b>Exclusions.</b> If any exclusion query of a recommendation fires, the recommendation is vetoed for this
 *       article, whatever its score (Mérida the city; US gun-control politics with no Mexico angle).</li>
 *   <li><b>Score.</b> Each topic with at least one fired query adds its weight once, times the recommendation's
 *       {@code title_boost} when one of its hits is in the title. Topics do not add up per query or per hit.</li>
 *   <li><b>Threshold.</b> The recommendation matches when it is not vetoed and the score reaches its
 *       {@code min_score}. A topic weighing at least {@code min_score} is enough alone; lighter topics only count
 *       together or from the title.</li>
 *   <li><b>Direction.</b> {@code advance} when only advance cues fired, {@code setback} when only setback cues fired,
 *       {@code neutral} when both or neither did.</li>
 *   <li><b>Milestone.</b> The first milestone, in file order, with a fired query; null when none.</li>
 *   <li><b>Report.</b> A {@link org.agendamonitor.model.Match} lists the fired topics, the distinct matched words and
 *       their offsets (from topic queries only), direction, milestone and a one-sentence explanation;
 *       {@link org.agendamonitor.match.AgendaMatcher#explain} also keeps every fired exclusion, cue and milestone
 *       query, and the verdicts of recommendations that did not match.</li>
 * </ol>
 */
package org.agendamonitor.match;
