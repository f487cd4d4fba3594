package io.jdisco.testing;

import io.jdisco.worker.Params;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.spi.SchemeResolver;
import java.util.Optional;

/** The chain context of the kit's own reads and writes, outside any task: no schemes, no messages. */
final class OfflineChainContext implements ChainContext {
    private final BasicSchemeContext schemes = BasicSchemeContext.of(Schemes.of());
    private final Params params = new Params();

    @Override
    public Params params() {
        return params;
    }

    @Override
    public void message(String text) {
        // nobody to tell outside a task
    }

    @Override
    public Optional<Task> task() {
        return Optional.empty();
    }

    @Override
    public Optional<String> setting(String name) {
        return schemes.setting(name);
    }

    @Override
    public SchemeResolver resolver() {
        return schemes.resolver();
    }
}
