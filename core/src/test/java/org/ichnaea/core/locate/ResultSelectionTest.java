package org.ichnaea.core.locate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/algorithms.md §3: best cluster, best result, satisfies, best region. */
class ResultSelectionTest {

    private static Result pos(double lat, double lon, double accuracy, double score) {
        return Result.position(lat, lon, accuracy, score, ResultSource.INTERNAL, null, List.of());
    }

    private static Result region(String code, double radius, double score, ResultSource source) {
        return Result.region(code, code, radius, score, source, null);
    }

    @Test
    void no_result_is_no_answer_and_one_result_is_the_answer() {
        assertThat(ResultSelection.best(List.of())).isEmpty();
        Result only = pos(1, 1, 100, 0.01);
        assertThat(ResultSelection.best(List.of(only))).contains(only);
    }

    @Test
    void the_cluster_with_the_highest_total_score_wins_not_the_largest() {
        // Three weak results agree in London; one strong result in Paris.
        Result a = pos(51.5, -0.1, 100, 0.1);
        Result b = pos(51.5001, -0.1, 120, 0.1);
        Result c = pos(51.5002, -0.1, 130, 0.1);
        Result paris = pos(48.85, 2.35, 200, 0.5);
        assertThat(ResultSelection.bestCluster(List.of(a, b, c, paris))).containsExactly(paris);
        assertThat(ResultSelection.best(List.of(a, b, c, paris))).contains(paris);
    }

    @Test
    void only_less_accurate_results_within_one_and_a_half_accuracies_join_a_cluster() {
        Result precise = pos(51.5, -0.1, 100, 0.2);
        // 140 m away: within 1.5 × max(100, 110).
        Result near = pos(51.50126, -0.1, 110, 0.2);
        // A coarse result 10 km away joins because 1.5 × its 25 km accuracy covers the distance.
        Result coarse = pos(51.59, -0.1, 25_000, 0.9);
        assertThat(ResultSelection.bestCluster(List.of(coarse, near, precise)))
                .containsExactly(precise, near, coarse);
        assertThat(ResultSelection.best(List.of(coarse, near, precise))).contains(precise);
    }

    @Test
    void equal_totals_go_to_the_cluster_with_the_highest_single_score_then_the_more_accurate_anchor() {
        Result a1 = pos(10, 10, 100, 0.5);
        Result a2 = pos(10.0001, 10, 110, 0.5);
        Result b = pos(-10, -10, 200, 1.0);
        assertThat(ResultSelection.best(List.of(a1, a2, b))).contains(b);

        Result c = pos(-10, -10, 200, 1.0);
        Result d = pos(20, 20, 100, 1.0);
        assertThat(ResultSelection.best(List.of(c, d))).contains(d);
    }

    @Test
    void within_the_best_cluster_the_most_accurate_wins_then_the_higher_score() {
        Result a = pos(51.5, -0.1, 100, 0.2);
        Result b = pos(51.5, -0.1, 100, 0.7);
        assertThat(ResultSelection.best(List.of(a, b))).contains(b);
    }

    @Test
    void satisfies_needs_a_total_score_of_one_and_the_expected_accuracy_class() {
        Result fresh = pos(51.5, -0.1, 50, 0.05);
        assertThat(ResultSelection.satisfies(List.of(fresh), DataAccuracy.HIGH)).isFalse();
        Result established = pos(51.5, -0.1, 50, 1.0);
        assertThat(ResultSelection.satisfies(List.of(established), DataAccuracy.HIGH)).isTrue();
        Result coarse = pos(51.5, -0.1, 600, 5.0);
        assertThat(ResultSelection.satisfies(List.of(coarse), DataAccuracy.HIGH)).isFalse();
        assertThat(ResultSelection.satisfies(List.of(coarse), DataAccuracy.MEDIUM)).isTrue();
        assertThat(ResultSelection.satisfies(List.of(), DataAccuracy.NONE)).isFalse();
        // Several results in one cluster add up.
        assertThat(ResultSelection.satisfies(List.of(pos(51.5, -0.1, 50, 0.6), pos(51.5, -0.1, 60, 0.4)),
                DataAccuracy.HIGH)).isTrue();
    }

    @Test
    void the_region_group_with_the_highest_score_wins_and_ties_go_to_the_larger_region() {
        Result gb = region("GB", 543_000, 0.5, ResultSource.INTERNAL);
        Result je = region("JE", 12_000, 0.5, ResultSource.INTERNAL);
        assertThat(ResultSelection.bestRegion(List.of(je, gb))).contains(gb);

        Result de = region("DE", 463_000, 0.8, ResultSource.GEOIP);
        Result fr1 = region("FR", 570_000, 0.5, ResultSource.INTERNAL);
        Result fr2 = region("FR", 570_000, 0.6, ResultSource.GEOIP);
        assertThat(ResultSelection.bestRegion(List.of(de, fr2, fr1))).contains(fr1);
    }

    @Test
    void accuracy_classes_follow_section_3_2() {
        assertThat(DataAccuracy.of(500.0)).isEqualTo(DataAccuracy.HIGH);
        assertThat(DataAccuracy.of(500.1)).isEqualTo(DataAccuracy.MEDIUM);
        assertThat(DataAccuracy.of(50_000.0)).isEqualTo(DataAccuracy.MEDIUM);
        assertThat(DataAccuracy.of(50_001.0)).isEqualTo(DataAccuracy.LOW);
        assertThat(DataAccuracy.of(40_000_000.0)).isEqualTo(DataAccuracy.LOW);
        assertThat(DataAccuracy.of(40_000_001.0)).isEqualTo(DataAccuracy.NONE);
        assertThat(DataAccuracy.of(null)).isEqualTo(DataAccuracy.NONE);
    }
}
