package io.jdisco.worker;

import java.io.IOException;

/**
 * A data resource could not be read or written: Disco's {@code DataError}.
 *
 * <p>Recoverable: escaping a task, it becomes the protocol message {@code ERROR} and the master
 * runs the task again, possibly on another node. The message names the resource:
 * {@code "Unable to access resource (<url>): <detail>"}, as Disco prints it.
 */
public class DataException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String detail;

    /** A data error about {@code url} (may be {@code null} when there is no URL). */
    public DataException(String detail, String url) {
        this(detail, url, null);
    }

    /** A data error about {@code url} caused by {@code cause}. */
    public DataException(String detail, String url, Throwable cause) {
        super(format(detail, url), cause);
        this.detail = detail;
        this.url = url;
    }

    private static String format(String detail, String url) {
        return "Unable to access resource (" + url + "): " + detail;
    }

    /** The resource that failed, or {@code null}. */
    public String url() {
        return url;
    }

    /** The message without the resource prefix. */
    public String detail() {
        return detail;
    }
}
