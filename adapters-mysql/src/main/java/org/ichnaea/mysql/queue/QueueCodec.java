package org.ichnaea.mysql.queue;

/** Turns queue items into bytes and back. */
public interface QueueCodec<T> {

    byte[] encode(T item);

    /** @throws IllegalArgumentException when the bytes are not an item */
    T decode(byte[] bytes);
}
