package io.jdisco.cli;

import io.jdisco.cli.jobs.Inputs;
import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.taskio.plain.ByteBlocks;
import io.jdisco.worker.Params;
import io.jdisco.worker.core.client.ResultReader;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.core.taskio.BasicChainContext;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.RecordReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
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
 * A record that cannot be printed (nested too deep for JSON) fails the command naming its URL and
 * index, with nothing of it printed; an input that is not in the reader's format is named too.
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
        String reader = args.option("--reader") == null ? "chain" : args.option("--reader");
        InputChain<?> chain = chain(reader);
        List<List<String>> inputs = new ArrayList<>();
        for (String url : urls) {
            inputs.add(List.of(url));
        }
        boolean internalFormat = reader.equals("chain");
        ChainContext context = context(args.option("--master"), console);
        OutputStream out = new BufferedOutputStream(console.out(), 1 << 16);
        try (ResultReader<?> r = ResultReader.open(inputs, chain, context);
                JsonRecords json = new JsonRecords(out)) {
            while (true) {
                try {
                    if (!r.advance()) {
                        break;
                    }
                } catch (IOException e) {
                    out.flush();
                    throw internalFormat ? notInternalFormat(r, e, context) : e;
                }
                try {
                    json.write(r.current());
                } catch (JsonRecords.NotPrintableException e) {
                    out.flush();
                    throw new IOException("record " + r.recordIndex() + " (from 0) of " + r.url()
                            + " cannot be printed: " + e.getMessage(), e);
                }
            }
        }
        out.flush();
        return 0;
    }

    /**
     * {@code e}, the failure to read the next record of {@code r} as Disco's internal format, told
     * better when the input is not in that format at all: a text or gzip file read with the
     * default reader fails at its first byte with the old format's "Could not parse a value
     * length", which says nothing of the cause. Looks at the input's first bytes only when the
     * failure came at its first record.
     */
    private static IOException notInternalFormat(ResultReader<?> r, IOException e, ChainContext context) {
        String url = r.url();
        if (url == null || r.recordIndex() != 0) {
            return e;
        }
        byte[] head;
        try (RecordReader<byte[]> raw = InputChain.of(List.of(TaskIo.taskInputStream()), new ByteBlocks())
                .open(url, context)) {
            head = raw.advance() ? raw.current() : new byte[0];
        } catch (IOException | RuntimeException unreadable) {
            return e;
        }
        if (head.length == 0 || (head[0] & 0xF0) == 0x80 || (head[0] >= '0' && head[0] <= '9')) {
            return e; // Disco's internal format (hunk marker) or the old one (a length): really corrupt
        }
        boolean gzip = head.length > 1 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
        return new IOException(url + " is not in Disco's internal format (what jobs write, the default"
                + " reader's); " + (gzip ? "it is gzip data: for its text lines give --reader gzip-lines"
                : "for text lines give --reader lines"), e);
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
        return BasicChainContext.outsideTask(new Params(), Schemes.shared(), settings, text -> console.err().println(text));
    }
}
