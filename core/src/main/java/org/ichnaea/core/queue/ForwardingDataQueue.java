package org.ichnaea.core.queue;

import java.util.List;

/**
 * A queue that hands every operation to the queue below: the base of the decorators that change only some of them
 * (usually {@link #enqueue}).
 */
public abstract class ForwardingDataQueue<T> implements DataQueue<T> {

    protected final DataQueue<T> delegate;

    protected ForwardingDataQueue(DataQueue<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void enqueue(List<T> items) {
        delegate.enqueue(items);
    }

    @Override
    public List<T> dequeue(int max) {
        return delegate.dequeue(max);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public Claim<T> claim(int max) {
        return delegate.claim(max);
    }

    @Override
    public long recover() {
        return delegate.recover();
    }
}
