package io.jdisco.taskio;

import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import java.io.IOException;

/**
 * One call into a stage of an input or output chain, with the failure rules both chains share
 * (OkHttp's {@code RealInterceptorChain} is the model: the runner, not the stage, names the
 * offending link). A {@link DataException} passes through; another {@link IOException} becomes a
 * {@code DataException} naming the stage and the URL (bad or missing data, so the task is retried);
 * a {@link RuntimeException} or a {@code null} result is a bug in the stage and becomes a
 * {@link DiscoException} naming the stage, the chain and the URL.
 */
final class StageCall {
    /** The stage's work: opening or wrapping a link, or opening the record reader or writer. */
    @FunctionalInterface
    interface Body<T> {
        T call() throws IOException;
    }

    private StageCall() {
    }

    /**
     * Runs {@code body}, the call into the stage at {@code index} of {@code chain} for {@code url}.
     *
     * @return what the stage returned, never {@code null}
     */
    static <T> T run(int index, Object stage, Object chain, String url, Body<T> body) throws IOException {
        T out;
        try {
            out = body.call();
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException(describe(index, stage) + " failed: " + e, url, e);
        } catch (RuntimeException e) {
            throw new DiscoException(describe(index, stage) + " of " + chain + " failed on " + url + ": " + e, e);
        }
        if (out == null) {
            throw new DiscoException(describe(index, stage) + " of " + chain + " returned null for " + url);
        }
        return out;
    }

    /** Fails, naming the stage, when a byte stage returned a link that has no stream yet. */
    static void requireOpen(boolean open, int index, Object stage, Object chain, String url) {
        if (!open) {
            throw new DiscoException(describe(index, stage) + " of " + chain + " returned a link without a stream for "
                    + url);
        }
    }

    /** How failures name a stage: its position, class and {@code toString}. */
    static String describe(int index, Object stage) {
        return "stage " + index + " (" + stage.getClass().getName() + ": " + stage + ")";
    }
}
