package io.jdisco.worker.core.input;

import io.jdisco.worker.io.RecordReader;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Makes the input views of one task: each call starts a fresh {@code INPUT} loop, as Python's
 * {@code Worker.input()} does.
 */
public final class TaskInputs {
    private final InputMaster master;
    private final Predicate<String> isLocal;
    private final InputErrPolicy policy;

    /**
     * Inputs asked of {@code master}; {@code isLocal} tells existing local replica files (see
     * {@link LocalReplicas#existing}); {@code policy} says how to treat exhausted replicas.
     */
    public TaskInputs(InputMaster master, Predicate<String> isLocal, InputErrPolicy policy) {
        this.master = Objects.requireNonNull(master, "master");
        this.isLocal = Objects.requireNonNull(isLocal, "isLocal");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The records of one input with fail-over, opened through {@code opener}. */
    public <R> FailoverReader<R> open(IdedInput input, RecordOpener<R> opener) {
        return new FailoverReader<>(input, master, opener, isLocal, policy);
    }

    /** A fresh listing of the task's inputs. */
    public InputListing listing() {
        return new InputListing(master);
    }

    /** All records, input after input. */
    public <R> SerialInput<R> serial(RecordOpener<R> opener) {
        return new SerialInput<>(listing(), reader(opener));
    }

    /** All records, in no promised order. */
    public <R> ParallelInput<R> parallel(RecordOpener<R> opener) {
        return new ParallelInput<>(listing(), reader(opener));
    }

    /** All records merged by {@code order} (each input must be sorted by it). */
    public <R> MergedInput<R> merged(RecordOpener<R> opener, Comparator<? super R> order) {
        return new MergedInput<>(listing(), reader(opener), order);
    }

    private <R> Function<IdedInput, RecordReader<R>> reader(RecordOpener<R> opener) {
        Objects.requireNonNull(opener, "opener");
        return input -> open(input, opener);
    }
}
