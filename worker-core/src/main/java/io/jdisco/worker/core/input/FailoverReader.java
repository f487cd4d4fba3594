package io.jdisco.worker.core.input;

import io.jdisco.worker.DataException;
import io.jdisco.worker.core.protocol.ProtocolException;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.RetryReply;
import io.jdisco.worker.core.protocol.message.WaitReply;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The records of one input, failing over between its replicas and resuming where the failed one
 * stopped (SPEC §8.3, §8.7).
 *
 * <p>Before opening, the replica list is refreshed with {@code INPUT ["include", [id]]}. A replica
 * that is an existing local file is tried first, then the others in the master's order. When opening
 * or reading a replica throws an {@link IOException}, its id joins the failed set, the next replica is
 * opened and the records already delivered are skipped (replicas hold identical record sequences).
 * When none is left: with {@link InputErrPolicy#REPORT} the cumulative failed set goes to the master
 * in {@code INPUT_ERR}, {@code RETRY} continues with the replicas it names, {@code WAIT n} waits and
 * asks again, {@code FAIL} raises a {@link DataException}; with {@link InputErrPolicy#SILENT} the
 * {@code DataException} comes at once. An input whose replica list is empty has no records; an input
 * the master reports {@code "busy"} is asked for again after a second, {@code "failed"} raises a
 * {@code DataException}.
 *
 * @param <R> the record type
 */
public final class FailoverReader<R> implements RecordReader<R> {
    private final IdedInput input;
    private final InputMaster master;
    private final RecordOpener<R> opener;
    private final Predicate<String> isLocal;
    private final InputErrPolicy policy;
    private final TreeSet<Integer> failed = new TreeSet<>();
    private List<Replica> replicas;
    private RecordReader<R> reader;
    private Replica open;
    private IOException lastError;
    private String lastUrl;
    private long delivered;
    private R current;
    private boolean hasCurrent;
    private boolean finished;

    /** A reader of {@code input}'s records. */
    public FailoverReader(IdedInput input, InputMaster master, RecordOpener<R> opener, Predicate<String> isLocal,
            InputErrPolicy policy) {
        this.input = Objects.requireNonNull(input, "input");
        this.master = Objects.requireNonNull(master, "master");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.isLocal = Objects.requireNonNull(isLocal, "isLocal");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public boolean advance() throws IOException {
        hasCurrent = false;
        while (!finished) {
            if (reader == null && !openNext()) {
                finished = true;
                break;
            }
            try {
                if (reader.advance()) {
                    current = reader.current();
                    hasCurrent = true;
                    delivered++;
                    return true;
                }
                finished = true;
                closeReader();
            } catch (IOException e) {
                failCurrent(e);
            }
        }
        return false;
    }

    @Override
    public R current() {
        if (!hasCurrent) {
            throw new NoSuchElementException("no current record of input " + input.id()
                    + (finished ? ": the input is exhausted" : ": call advance() first"));
        }
        return current;
    }

    /** How many records were delivered so far. */
    public long delivered() {
        return delivered;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        if (reader != null) {
            RecordReader<R> r = reader;
            reader = null;
            r.close();
        }
    }

    /** Opens the next usable replica, skipping delivered records; false if the input has no replicas at all. */
    private boolean openNext() throws IOException {
        if (replicas == null) {
            replicas = refresh();
            if (replicas.isEmpty()) {
                return false;
            }
        }
        while (true) {
            Replica r = pick();
            if (r == null) {
                replicas = exhausted();
                continue;
            }
            lastUrl = r.url();
            try {
                reader = opener.open(r.url());
                open = r;
                for (long i = 0; i < delivered; i++) {
                    if (!reader.advance()) {
                        throw new DataException("replica ended after " + i + " records but " + delivered
                                + " were already read from another replica of input " + input.id(), r.url());
                    }
                }
                return true;
            } catch (IOException e) {
                open = r;
                failCurrent(e);
            }
        }
    }

    private Replica pick() {
        for (Replica r : replicas) {
            if (!failed.contains(r.id()) && isLocal.test(r.url())) {
                return r;
            }
        }
        for (Replica r : replicas) {
            if (!failed.contains(r.id())) {
                return r;
            }
        }
        return null;
    }

    private void failCurrent(IOException e) {
        failed.add(open.id());
        lastError = e;
        try {
            closeReader();
        } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    private void closeReader() throws IOException {
        RecordReader<R> r = reader;
        reader = null;
        if (r != null) {
            r.close();
        }
    }

    private List<Replica> refresh() throws IOException {
        InputReply reply = master.include(List.of(input.id()));
        while (reply.inputs().size() == 1 && reply.inputs().get(0).id() == input.id()
                && reply.inputs().get(0).status().equals("busy")) {
            sleep(1); // documented "busy": ask again later (never sent by 0.5.x masters)
            reply = master.include(List.of(input.id()));
        }
        List<Integer> got = new ArrayList<>();
        for (InputEntry e : reply.inputs()) {
            got.add(e.id());
        }
        if (got.size() != 1 || got.get(0) != input.id()) {
            throw new UnknownInputException(List.of(input.id()), got);
        }
        InputEntry e = reply.inputs().get(0);
        if (e.status().equals("failed")) {
            throw new DataException("the master reports input " + input.id() + " as failed", firstUrl(e.replicas()));
        }
        return e.replicas();
    }

    private List<Replica> exhausted() throws IOException {
        if (policy == InputErrPolicy.REPORT) {
            while (true) {
                MasterMessage reply = master.inputError(input.id(), new ArrayList<>(failed));
                if (reply instanceof RetryReply) {
                    List<Replica> fresh = ((RetryReply) reply).replicas();
                    if (fresh.stream().anyMatch(r -> !failed.contains(r.id()))) {
                        return fresh;
                    }
                    break;
                }
                if (reply instanceof WaitReply) {
                    sleep(((WaitReply) reply).seconds());
                    List<Replica> fresh = refresh();
                    if (fresh.stream().anyMatch(r -> !failed.contains(r.id()))) {
                        return fresh;
                    }
                    continue;
                }
                if (reply instanceof FailReply) {
                    break;
                }
                throw new ProtocolException("unexpected reply to INPUT_ERR: " + reply);
            }
        }
        throw new DataException("Exhausted all available replicas of input " + input.id() + " (failed replica ids "
                + failed + ")" + (lastError != null ? ", last error was: " + lastError.getMessage() : ""), lastUrl,
                lastError);
    }

    private static void sleep(int seconds) throws InterruptedIOException {
        try {
            Thread.sleep(Math.max(0, seconds) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during WAIT");
        }
    }

    private static String firstUrl(List<Replica> reps) {
        return reps.isEmpty() ? null : reps.get(0).url();
    }

    @Override
    public String toString() {
        return "FailoverReader[input " + input.id() + ", " + delivered + " records, failed replicas " + failed + "]";
    }
}
