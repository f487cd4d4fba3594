package io.jdisco.worker.classic.typed;

import io.jdisco.worker.DataException;
import java.io.Serializable;

/**
 * How values of one Java type travel in Disco's records: {@link #encode} turns a value into a
 * record value the pickle codec writes (a {@code String}, {@code Long}, {@code Tuple}, ...), and
 * {@link #decode} turns a record value read back (by Java or written by Python) into the type.
 * {@code null} stands for Python's {@code None} both ways. Shipped with the job: serializable,
 * stateless. {@link Codecs#of(Class)} gives the standard ones.
 *
 * @param <T> the Java type
 */
public interface Codec<T> extends Serializable {
    /** The Java type, for messages. */
    Class<T> type();

    /** The record value standing for {@code value}. */
    Object encode(T value);

    /**
     * The value of a record value.
     *
     * @throws DataException when the record value is not one of this type (the caller adds where
     *     it was read)
     */
    T decode(Object recordValue) throws DataException;
}
