package io.jdisco.examples;

import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Params;
import io.jdisco.worker.core.client.ResultReader;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.core.taskio.BasicChainContext;
import io.jdisco.worker.io.ChainContext;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cat [--reader chain|netstr|lines|gzip-lines] [--master URL] URL...}: Disco's
 * {@code disco cat} / {@code result_iterator}. Prints every record of the URLs as one JSON line
 * ({@link JsonRecords}); {@code dir://} and {@code tag://} URLs are expanded into what they list.
 */
public final class CatCommand implements Command {
    @Override
    public String name() {
        return "cat";
    }

    @Override
    public String usage() {
        return "cat [--reader chain|netstr|lines|gzip-lines] [--master URL] URL...\n"
                + "  URL            any URL a scheme handles, or a file path; dir:// and tag:// are expanded\n"
                + "  --reader       chain: Disco's internal format (default); netstr: the old format;\n"
                + "                 lines: text lines; gzip-lines: lines of gzip data\n"
                + "  --master URL   the master for tag:// and disco:// URLs (default: DISCO_MASTER)\n"
                + "Bytes print as strings when valid UTF-8, else as {\"bytes_hex\": \"...\"}.\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of("--reader", "--master"));
        List<String> urls = Inputs.urls(args.positional("URL", 1, Integer.MAX_VALUE));
        InputChain<?> chain = chain(args.option("--reader") == null ? "chain" : args.option("--reader"));
        List<List<String>> inputs = new ArrayList<>();
        for (String url : urls) {
            inputs.add(List.of(url));
        }
        OutputStream out = new BufferedOutputStream(console.out(), 1 << 16);
        try (ResultReader<?> r = ResultReader.open(inputs, chain, context(args.option("--master"), console));
                JsonRecords json = new JsonRecords(out)) {
            while (r.advance()) {
                json.write(r.current());
            }
        }
        out.flush();
        return 0;
    }

    private static InputChain<?> chain(String reader) {
        switch (reader) {
            case "chain":
                return TaskIo.chainStream();
            case "netstr":
                return InputChain.of(List.of(TaskIo.taskInputStream()), TaskIo.oldNetstrReader());
            case "lines":
                return InputChain.of(List.of(TaskIo.taskInputStream()),
                        TaskIo.byteLineReader(false, TaskIo.DEFAULT_MAX_RECORD_BYTES));
            case "gzip-lines":
                return TaskIo.gzipLineStream();
            default:
                throw new UsageException("--reader must be chain, netstr, lines or gzip-lines, got '" + reader + "'");
        }
    }

    private static ChainContext context(String master, Console console) {
        String url = master != null ? master : console.env("DISCO_MASTER");
        Map<String, String> settings = url == null ? Map.of() : MasterConnection.settingsFor(URI.create(url), console);
        return BasicChainContext.outsideTask(new Params(), Schemes.load(), settings, text -> console.err().println(text));
    }
}
