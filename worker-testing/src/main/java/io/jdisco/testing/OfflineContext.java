package io.jdisco.testing;

import io.jdisco.worker.Params;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.core.taskio.BasicChainContext;
import java.util.Map;

/** The chain context of the kit's own reads and writes of local files: no task, no schemes, no messages. */
final class OfflineContext {
    static final BasicChainContext INSTANCE = BasicChainContext.outsideTask(new Params(), Schemes.of(), Map.of(),
            text -> { });

    private OfflineContext() {
    }
}
