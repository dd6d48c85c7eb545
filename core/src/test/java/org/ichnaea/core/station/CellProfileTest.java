package org.ichnaea.core.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellProfileTest {

    /** Near the mast (strong signal, small timing advance) at 52.50; at the cell's edge (weak, larger) at 52.52. */
    private static List<CellProfile.Heard> heard() {
        List<CellProfile.Heard> heard = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            heard.add(new CellProfile.Heard(52.50, 13.40, -70, 1));
            heard.add(new CellProfile.Heard(52.52, 13.40, -106, 6));
        }
        return heard;
    }

    @Test
    void answers_from_the_observations_that_heard_the_cell_the_same_way() {
        CellProfile profile = CellProfile.empty().with(heard());

        assertThat(profile.locate(-72, null).orElseThrow()[0]).as("strong signal: the -72..-67 dBm band")
                .isCloseTo(52.50, within(1e-9));
        assertThat(profile.locate(-108, null).orElseThrow()[0]).isCloseTo(52.52, within(1e-9));
        assertThat(profile.locate(-108, 1).orElseThrow()[0]).as("timing advance first")
                .isCloseTo(52.50, within(1e-9));
        assertThat(profile.locate(-90, null).orElseThrow()[0]).as("between two bands as far: both")
                .isCloseTo(52.51, within(1e-9));
        assertThat(profile.locate(null, null)).isEmpty();
    }

    @Test
    void too_few_samples_say_nothing_and_bytes_round_trip() {
        CellProfile two = CellProfile.empty().with(heard().subList(0, 2));
        assertThat(two.locate(-70, null)).as("one sample per kind and band").isEmpty();

        CellProfile profile = CellProfile.empty().with(heard());
        assertThat(CellProfile.decode(profile.encode())).isEqualTo(profile);
        assertThat(profile.encode()).hasSize(1 + 4 * 23);
        assertThat(CellProfile.decode(null).isEmpty()).isTrue();
        assertThat(CellProfile.decode(new byte[] {9, 1, 2}).isEmpty()).as("an unknown version").isTrue();
    }

    @Test
    void keeps_the_most_observed_bands_and_follows_a_moved_cell() {
        List<CellProfile.Heard> many = new ArrayList<>();
        for (int ta = 0; ta < 60; ta++) {
            for (int k = 0; k <= (ta < 10 ? 2 : 0); k++) {
                many.add(new CellProfile.Heard(52.5, 13.4, null, ta));
            }
        }
        CellProfile profile = CellProfile.empty().with(many);
        assertThat(profile.bands()).hasSize(CellProfile.MAX_BANDS);
        assertThat(profile.bands()).filteredOn(b -> b.band() < 10).allMatch(b -> b.samples() == 3);

        CellProfile old = CellProfile.empty();
        for (int i = 0; i < 3; i++) {
            old = old.with(List.of(new CellProfile.Heard(50.0, 10.0, -80, null)));
        }
        List<CellProfile.Heard> moved = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            moved.add(new CellProfile.Heard(51.0, 10.0, -80, null));
        }
        assertThat(old.with(moved).locate(-80, null).orElseThrow()[0]).isCloseTo(51.0, within(0.01));
    }
}
