package org.ichnaea.core.evaluate;

import java.util.Collection;
import org.ichnaea.core.geo.Percentile;

/**
 * The accuracy figures of a group of answers. The error percentiles, the calibration and the median accuracy are over
 * the found answers only, and null when there are none. Percentiles interpolate linearly between order statistics
 * (NumPy's default).
 *
 * @param queries        queries in the group
 * @param found          queries answered with a position
 * @param foundPercent   100 · found / queries
 * @param errorP50       median error in metres
 * @param errorP68       68th percentile of the error
 * @param errorP90       90th percentile of the error
 * @param errorP95       95th percentile of the error
 * @param insidePercent  calibration: the percentage of found answers whose true position lies within the returned
 *                       accuracy radius
 * @param medianAccuracy the median accuracy radius returned, in metres
 */
public record Figures(int queries, int found, Double foundPercent, Double errorP50, Double errorP68, Double errorP90,
                      Double errorP95, Double insidePercent, Double medianAccuracy) {

    public static Figures of(Collection<Answer> answers) {
        int queries = answers.size();
        double[] errors = answers.stream().filter(Answer::found).mapToDouble(Answer::error).toArray();
        double[] accuracies = answers.stream().filter(Answer::found).mapToDouble(a -> a.result().accuracy())
                .toArray();
        long inside = answers.stream().filter(Answer::inside).count();
        int found = errors.length;
        Double foundPercent = queries == 0 ? null : 100.0 * found / queries;
        if (found == 0) {
            return new Figures(queries, 0, foundPercent, null, null, null, null, null, null);
        }
        return new Figures(queries, found, foundPercent, Percentile.of(errors, 50), Percentile.of(errors, 68),
                Percentile.of(errors, 90), Percentile.of(errors, 95), 100.0 * inside / found,
                Percentile.of(accuracies, 50));
    }
}
