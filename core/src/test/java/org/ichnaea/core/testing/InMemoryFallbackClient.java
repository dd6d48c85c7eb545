package org.ichnaea.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.locate.LocateQuery;
import org.ichnaea.core.locate.fallback.FallbackAnswer;
import org.ichnaea.core.locate.fallback.FallbackClient;

/** A fallback provider that answers what the test tells it (or fails) and records each query. */
public final class InMemoryFallbackClient implements FallbackClient {

    private final List<LocateQuery> calls = new ArrayList<>();
    private FallbackAnswer answer = new FallbackAnswer.Found(51.5, -0.1, 150, null);
    private RuntimeException failure;

    @Override
    public synchronized FallbackAnswer locate(ApiKey key, LocateQuery query) {
        calls.add(query);
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    /** Answer this from now on. */
    public synchronized InMemoryFallbackClient answer(FallbackAnswer next) {
        this.answer = next;
        this.failure = null;
        return this;
    }

    /** Fail with this from now on. */
    public synchronized InMemoryFallbackClient fail(RuntimeException next) {
        this.failure = next;
        return this;
    }

    public synchronized List<LocateQuery> calls() {
        return List.copyOf(calls);
    }
}
