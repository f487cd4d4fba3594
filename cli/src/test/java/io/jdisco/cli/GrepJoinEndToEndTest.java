package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.examples.Join;
import io.jdisco.local.LocalMaster;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.Disco;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grep and join commands on a local master, against answers computed here; join's FATAL path. */
class GrepJoinEndToEndTest {
    @TempDir
    static Path tmp;
    private static LocalMaster master;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        master = LocalMaster.start();
        http = new TestHttp();
    }

    @AfterAll
    static void stop() {
        http.close();
        master.close();
    }

    @Test
    void grepPrintsMatchingLinesOfFileRawAndHttpInputsByUrlThenLine() throws Exception {
        Path file = tmp.resolve("poem.txt");
        Files.writeString(file, "a red fox\nthe blue sea\nfox again, redder\nnothing here\n");
        String httpUrl = http.serve("/grep.txt", "red line one\nplain\nred line three\n".getBytes(StandardCharsets.UTF_8));
        String raw = "raw://reduced";
        String pattern = "red\\b|redu";
        CliRun run = CliRun.of("grep", pattern, "--master", master.url(), file.toString(), raw, httpUrl);
        assertEquals(0, run.status(), run.describe());

        TreeMap<String, String> texts = new TreeMap<>();
        texts.put("file://" + file.toAbsolutePath(), Files.readString(file));
        texts.put(raw, "reduced");
        texts.put(httpUrl, "red line one\nplain\nred line three\n");
        List<String> expected = new ArrayList<>();
        Pattern p = Pattern.compile(pattern);
        texts.forEach((url, text) -> text.lines().filter(l -> p.matcher(l).find()).forEach(l -> expected.add(url + "\t" + l)));
        assertEquals(expected, run.lines());
    }

    @Test
    void joinPairsEveryLeftValueWithEveryRightValueOfEachKey() throws Exception {
        String left = "k1\tL1\nk2\tL2\nk1\tL3\nonly-left\tX\nk3\t\n";
        String right = "k1\tR1\nk3\tR3\nk1\tR2\nonly-right\tY\n";
        Path leftFile = tmp.resolve("left.tsv");
        Files.writeString(leftFile, left);
        String rightUrl = http.serve("/right.tsv", right.getBytes(StandardCharsets.UTF_8));
        CliRun run = CliRun.of("join", "--master", master.url(), "--partitions", "2", leftFile.toString(), rightUrl);
        assertEquals(0, run.status(), run.describe());

        List<String> expected = new ArrayList<>();
        for (String l : left.split("\n")) {
            for (String r : right.split("\n")) {
                String[] lk = l.split("\t", 2);
                String[] rk = r.split("\t", 2);
                if (lk[0].equals(rk[0])) {
                    expected.add(lk[0] + "\t" + lk[1] + "\t" + rk[1]);
                }
            }
        }
        expected.sort(null);
        assertEquals(expected, run.lines());
    }

    @Test
    void joinOfALineWithoutTabFailsWithTheJobsExceptionTextAndStatus1() throws Exception {
        Path left = tmp.resolve("good.tsv");
        Files.writeString(left, "k\tv\n");
        CliRun run = CliRun.of("join", "--master", master.url(), left.toString(), "raw://no-tab-here");
        assertEquals(Main.FAILED, run.status(), run.describe());
        assertTrue(run.err().contains("FATAL: [map:"), run.err());
        assertTrue(run.err().contains("java.lang.IllegalArgumentException: join input raw://no-tab-here line 1 has no TAB"
                + " between key and value"), run.err());
        assertEquals(0, run.out().length, run.text());
    }

    @Test
    void fatalJobReportsTheUsersExceptionTextThroughWaitFor() throws Exception {
        Disco disco = new Disco(master.url());
        JobException e = assertThrows(JobException.class,
                () -> Join.job("raw://a\tb", "raw://missing-tab", 1).run(disco).waitFor());
        assertTrue(e.getMessage().contains("Status dead: FATAL: [map:"), e.getMessage());
        assertTrue(e.getMessage().contains("join input raw://missing-tab line 1 has no TAB between key and value"),
                e.getMessage());
    }
}
