package io.jdisco.worker.core.testing;

import io.jdisco.worker.DataException;
import io.jdisco.worker.io.RecordReader;
import java.util.Arrays;
import java.util.List;

/** Opens {@code raw://a,b,c} into the records {@code a}, {@code b}, {@code c}; other URLs fail. */
public final class RawOpener {
    private RawOpener() {
    }

    /** The records of a {@code raw://} URL. */
    public static RecordReader<Object> open(String url) throws DataException {
        if (!url.startsWith("raw://")) {
            throw new DataException("test opener reads only raw:// URLs", url);
        }
        String data = url.substring("raw://".length());
        List<Object> records = data.isEmpty() ? List.of() : Arrays.asList((Object[]) data.split(","));
        return new ListReader<>(url, records, -1);
    }
}
