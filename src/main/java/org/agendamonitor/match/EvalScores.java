package org.agendamonitor.match;

/** Counts of one recommendation's decisions against the labels, and the measures drawn from them. */
public record EvalScores(int truePositives, int falsePositives, int falseNegatives) {

    /** Share of predicted items that were right; 1 when nothing was predicted (no wrong claim was made). */
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    /** Share of labeled items that were found; 1 when nothing was labeled. */
    public double recall() {
        int labeled = truePositives + falseNegatives;
        return labeled == 0 ? 1.0 : (double) truePositives / labeled;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    public int support() {
        return truePositives + falseNegatives;
    }
}
