package org.agendamonitor.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.agendamonitor.cli.EvalCommand;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.model.Recommendation;
import org.junit.jupiter.api.Test;

/**
 * Quality gate on the shared labeled set {@code shared/eval/dev.jsonl}, scored by the code {@code eval} runs. The file
 * lives outside the project: {@code ../shared} from a main checkout, {@code ../../shared} from a worktree under
 * {@code wt/}. The test is skipped, with a message, when neither exists.
 */
class EvalTest {
    private static final double MIN_MACRO_F1 = 0.920;
    private static final double MIN_F1 = 0.85;

    static Optional<Path> devSet() {
        return Stream.of(Path.of("..", "shared", "eval", "dev.jsonl"), Path.of("..", "..", "shared", "eval", "dev.jsonl"))
                .filter(Files::isRegularFile).findFirst();
    }

    @Test
    void shouldReachTheQualityTargetOnTheDevSet() throws Exception {
        Optional<Path> file = devSet();
        assumeTrue(file.isPresent(), "shared/eval/dev.jsonl not found at ../shared or ../../shared: quality gate skipped");
        List<EvalItem> items = EvalItem.read(file.get());

        EvalReport report;
        try (AgendaMatcher matcher = new AgendaMatcher(AgendaSpecLoader.load(Path.of("config", "agenda.yaml")))) {
            report = EvalReport.of(items, item -> EvalCommand.predicted(matcher, item));
        }

        assertThat(items).hasSizeGreaterThan(100);
        assertThat(report.macroF1(null)).as(report.table("agenda matcher", null)).isGreaterThanOrEqualTo(MIN_MACRO_F1);
        for (Recommendation r : Recommendation.values()) {
            assertThat(report.scores(r, null).f1()).as(r + "\n" + report.table("agenda matcher", null))
                    .isGreaterThanOrEqualTo(MIN_F1);
        }
    }

    @Test
    void shouldBeatTheKeywordBaseline() throws Exception {
        Optional<Path> file = devSet();
        assumeTrue(file.isPresent(), "shared/eval/dev.jsonl not found at ../shared or ../../shared: comparison skipped");
        List<EvalItem> items = EvalItem.read(file.get());

        try (AgendaMatcher matcher = new AgendaMatcher(AgendaSpecLoader.load(Path.of("config", "agenda.yaml")));
             AgendaMatcher keywords = new AgendaMatcher(KeywordBaseline.spec())) {
            double ours = EvalReport.of(items, i -> EvalCommand.predicted(matcher, i)).macroF1(null);
            double naive = EvalReport.of(items, i -> EvalCommand.predicted(keywords, i)).macroF1(null);
            assertThat(ours).isGreaterThan(naive);
        }
    }
}
