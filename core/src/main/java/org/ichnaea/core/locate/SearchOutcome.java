package org.ichnaea.core.locate;

import java.util.List;
import java.util.Optional;

/** Everything a search considered, for logs and metrics: every candidate and the chosen one. */
public record SearchOutcome(List<Result> candidates, Optional<Result> best) {

    public SearchOutcome {
        candidates = List.copyOf(candidates);
    }
}
