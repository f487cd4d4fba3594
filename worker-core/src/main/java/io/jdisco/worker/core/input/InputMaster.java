package io.jdisco.worker.core.input;

import io.jdisco.worker.core.protocol.channel.MasterChannel;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The master's side of a task's inputs: the three requests inputs need (SPEC §2.4.3, §2.4.4).
 * {@link #over(MasterChannel)} is the real one; tests may supply others.
 */
public interface InputMaster {
    /** {@code INPUT ["exclude", ids]}: the inputs not listed; may block until inputs exist. */
    InputReply exclude(List<Integer> ids) throws IOException;

    /** {@code INPUT ["include", ids]}: the current replicas of these inputs. */
    InputReply include(List<Integer> ids) throws IOException;

    /** {@code INPUT_ERR [id, failed]}: {@code RETRY}, {@code FAIL} or {@code WAIT}. */
    MasterMessage inputError(int id, List<Integer> failedReplicaIds) throws IOException;

    /** The requests sent over {@code channel}. */
    static InputMaster over(MasterChannel channel) {
        Objects.requireNonNull(channel, "channel");
        return new InputMaster() {
            @Override
            public InputReply exclude(List<Integer> ids) throws IOException {
                return channel.input(InputRequest.exclude(ids));
            }

            @Override
            public InputReply include(List<Integer> ids) throws IOException {
                return channel.input(InputRequest.include(ids));
            }

            @Override
            public MasterMessage inputError(int id, List<Integer> failedReplicaIds) throws IOException {
                return channel.inputError(new InputErrRequest(id, failedReplicaIds));
            }
        };
    }
}
