package org.ichnaea.core.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of one evaluation.
 *
 * @param learning     what the pipeline made of the training reports
 * @param train        training lines read, and those that could not be parsed
 * @param test         test lines read, and those that could not be parsed
 * @param overall      every test query
 * @param byAnswer     the queries grouped by what answered them ({@link Answer#answeredBy}), the most frequent
 *                     first and {@code none} (not found) last
 * @param byKind       the queries grouped by their kind, as the test file gives it ({@code -} when it gives none)
 * @param byTag        for each tag asked for, the queries grouped by its value ({@code -} when a query lacks it)
 * @param learnMillis  time spent parsing and learning the training file
 * @param answerMillis time spent parsing and answering the test file
 */
public record EvaluationResult(Evaluator.Learning learning, Lines train, Lines test, Figures overall,
                               Map<String, Figures> byAnswer, Map<String, Figures> byKind,
                               Map<String, Map<String, Figures>> byTag, long learnMillis, long answerMillis) {

    /** The group of queries without a kind or a tag. */
    public static final String UNLABELLED = "-";

    /** Lines of a file: all non-blank lines, and those skipped as unreadable. */
    public record Lines(long lines, long bad) {
    }

    public static EvaluationResult of(Evaluator.Learning learning, Lines train, Lines test, List<Answer> answers,
                                      List<String> tagKeys, long learnMillis, long answerMillis) {
        Map<String, List<Answer>> answered = group(answers, Answer::answeredBy);
        List<String> order = new ArrayList<>(answered.keySet());
        order.sort(Comparator.comparing((String k) -> k.equals(Answer.NOT_FOUND))
                .thenComparing(k -> -answered.get(k).size()).thenComparing(k -> k));
        Map<String, Figures> byAnswer = new LinkedHashMap<>();
        order.forEach(k -> byAnswer.put(k, Figures.of(answered.get(k))));
        Map<String, Figures> byKind = figures(group(answers,
                a -> a.query().kind() == null ? UNLABELLED : a.query().kind()));
        Map<String, Map<String, Figures>> byTag = new LinkedHashMap<>();
        for (String key : tagKeys) {
            byTag.put(key, figures(group(answers, a -> a.query().tags().getOrDefault(key, UNLABELLED))));
        }
        return new EvaluationResult(learning, train, test, Figures.of(answers), byAnswer, byKind, byTag,
                learnMillis, answerMillis);
    }

    private static Map<String, List<Answer>> group(List<Answer> answers, Function<Answer, String> key) {
        Map<String, List<Answer>> groups = new TreeMap<>();
        for (Answer a : answers) {
            groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a);
        }
        return groups;
    }

    private static Map<String, Figures> figures(Map<String, List<Answer>> groups) {
        Map<String, Figures> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, Figures.of(v)));
        return out;
    }
}
