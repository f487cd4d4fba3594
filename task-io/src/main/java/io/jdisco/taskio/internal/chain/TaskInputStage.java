package io.jdisco.taskio.internal.chain;

import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.InputStage;
import java.io.IOException;

/**
 * {@code task_input_stream} (SPEC §7.2, §9.1): opens the link's URL with the handler of its
 * scheme ({@code file} when the URL has no {@code "://"}). A size the handler does not know is
 * taken from the incoming link.
 */
public final class TaskInputStage implements InputStage {
    private static final long serialVersionUID = 1L;

    @Override
    public InputLink apply(InputLink in, ChainContext context) throws IOException {
        InputLink opened = context.resolver().open(in.url(), context);
        if (opened == null || opened.hasSize() || !in.hasSize()) {
            return opened;
        }
        return new InputLink(opened.stream(), in.size(), opened.url());
    }

    @Override
    public String toString() {
        return "task_input_stream";
    }
}
