package io.jdisco.worker.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The INPUT loop asks with the ids it has seen until the master says "done" (SPEC §8.1). */
class InputListingTest {
    private static InputEntry entry(int id) {
        return new InputEntry(id, "ok", "all", List.of(new Replica(0, "dir://h/x" + id)));
    }

    @Test
    void moreRepliesAreFollowedByExcludeRequestsUntilDone() throws Exception {
        ArrayDeque<InputReply> replies = new ArrayDeque<>(List.of(
                new InputReply(false, List.of(entry(0))),
                new InputReply(false, List.of(entry(0), entry(1))),
                new InputReply(true, List.of(entry(2)))));
        List<List<Integer>> asked = new ArrayList<>();
        InputMaster master = new InputMaster() {
            @Override
            public InputReply exclude(List<Integer> ids) {
                asked.add(ids);
                return replies.poll();
            }

            @Override
            public InputReply include(List<Integer> ids) {
                throw new AssertionError("not used");
            }

            @Override
            public MasterMessage inputError(int id, List<Integer> failed) {
                throw new AssertionError("not used");
            }
        };
        InputListing listing = new InputListing(master);
        List<Integer> ids = new ArrayList<>();
        IdedInput i;
        while ((i = listing.next()) != null) {
            ids.add(i.id());
            assertEquals("all", i.label());
        }
        assertEquals(List.of(0, 1, 2), ids);
        assertEquals(List.of(List.of(), List.of(0), List.of(0, 1)), asked);
        assertNull(listing.next());
    }
}
