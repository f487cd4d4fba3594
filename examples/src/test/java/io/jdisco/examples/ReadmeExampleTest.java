package io.jdisco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMaster;
import io.jdisco.worker.core.client.Disco;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example job runs on a local master and counts words. */
class ReadmeExampleTest {
    @Test
    void readmeWordCountCountsEachWordOnceSorted(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("text.txt");
        Files.writeString(file, "to be or\nnot to be\n");
        try (LocalMaster master = LocalMaster.start()) {
            assertEquals(List.of("be\t2", "not\t1", "or\t1", "to\t2"),
                    ReadmeExample.countWords(file, new Disco(master.url())));
        }
    }

    @Test
    void theReadmeShowsTheExamplesMethodsVerbatim() throws Exception {
        Path root = Path.of(System.getProperty("jdisco.testdata")).getParent();
        String source = Files.readString(root.resolve("examples/src/main/java/io/jdisco/examples/ReadmeExample.java"));
        String body = source.substring(source.indexOf("    public static void main"), source.lastIndexOf('}')).stripTrailing();
        StringBuilder dedented = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            dedented.append(line.startsWith("    ") ? line.substring(4) : line).append('\n');
        }
        String readme = Files.readString(root.resolve("README.md"));
        assertTrue(readme.contains("```java\n" + dedented + "```"), "README.md's Java example differs from ReadmeExample");
    }
}
