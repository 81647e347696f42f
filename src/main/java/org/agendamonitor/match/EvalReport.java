package org.agendamonitor.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.agendamonitor.model.Recommendation;

/**
 * A classifier's decisions on a labeled set, scored per recommendation, overall and per language. The production
 * matcher and the keyword baseline go through the same {@link #of} so their figures compare like with like.
 *
 * @param outcomes one per item: its labels and what the classifier predicted
 */
public record EvalReport(List<Outcome> outcomes) {

    /** What a classifier predicted for one item. */
    public record Outcome(EvalItem item, Set<Recommendation> predicted) {
    }

    /** A false positive or a false negative. */
    public record Error(EvalItem item, Recommendation recommendation, boolean falsePositive) {
    }

    public EvalReport {
        outcomes = List.copyOf(outcomes);
    }

    public static EvalReport of(List<EvalItem> items, Function<EvalItem, Set<Recommendation>> classifier) {
        return new EvalReport(items.stream().map(i -> new Outcome(i, classifier.apply(i))).toList());
    }

    /** Scores of one recommendation over the items of {@code language}, or over all items when it is null. */
    public EvalScores scores(Recommendation recommendation, String language) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Outcome o : outcomes) {
            if (language != null && !language.equals(o.item().lang())) {
                continue;
            }
            boolean labeled = o.item().labels().contains(recommendation);
            boolean predicted = o.predicted().contains(recommendation);
            tp += labeled && predicted ? 1 : 0;
            fp += !labeled && predicted ? 1 : 0;
            fn += labeled && !predicted ? 1 : 0;
        }
        return new EvalScores(tp, fp, fn);
    }

    /** Mean F1 over the three recommendations, for {@code language} or all items when null. */
    public double macroF1(String language) {
        return Arrays.stream(Recommendation.values()).mapToDouble(r -> scores(r, language).f1()).average().orElse(0);
    }

    public int size(String language) {
        return (int) outcomes.stream().filter(o -> language == null || language.equals(o.item().lang())).count();
    }

    /** Every mistake, in file order. */
    public List<Error> errors() {
        List<Error> errors = new ArrayList<>();
        for (Outcome o : outcomes) {
            for (Recommendation r : Recommendation.values()) {
                boolean labeled = o.item().labels().contains(r);
                boolean predicted = o.predicted().contains(r);
                if (labeled != predicted) {
                    errors.add(new Error(o.item(), r, predicted));
                }
            }
        }
        return errors;
    }

    /** A fixed-width table: one row per recommendation plus the macro average. */
    public String table(String heading, String language) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s (%d items)%n", heading, size(language)));
        out.append(String.format(Locale.ROOT, "  %-18s %9s %6s %6s %4s %4s %4s%n",
                "recommendation", "precision", "recall", "f1", "tp", "fp", "fn"));
        for (Recommendation r : Recommendation.values()) {
            EvalScores s = scores(r, language);
            out.append(String.format(Locale.ROOT, "  %-18s %9.3f %6.3f %6.3f %4d %4d %4d%n", r.id(), s.precision(),
                    s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives()));
        }
        out.append(String.format(Locale.ROOT, "  %-18s %9s %6s %6.3f%n", "macro", "", "", macroF1(language)));
        return out.toString();
    }
}
