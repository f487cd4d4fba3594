package io.jdisco.local.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupingTest {
    private static final StageOutput.Data DATA = new StageOutput.Data(1, 5, List.of("http://h1/a", "http://h2/a"));
    private static final StageOutput.Dir DIR = StageOutput.Dir.of("n1", "dir://n1/disco/x.results", Map.of(0, 10L, 2, 20L));
    private static final StageOutput.Data EMPTY = new StageOutput.Data(0, 0, List.of());
    private static final List<StageOutput> OUTPUTS = List.of(DATA, DIR, EMPTY);

    @Test
    void splitMakesOneGroupPerDataOutputAndPerDirLabel() {
        assertEquals(List.of(
                new Grouping.Group(1, "h1", List.of(new TaskInput(1, DATA.urls()))),
                new Grouping.Group(0, "n1", List.of(new TaskInput(0, List.of(DIR.url())))),
                new Grouping.Group(2, "n1", List.of(new TaskInput(2, List.of(DIR.url()))))),
                Grouping.group("split", OUTPUTS, h -> true));
    }

    @Test
    void groupLabelMakesOneHostlessGroupPerLabel() {
        assertEquals(List.of(
                new Grouping.Group(0, "", List.of(new TaskInput(0, List.of(DIR.url())))),
                new Grouping.Group(1, "", List.of(new TaskInput(1, DATA.urls()))),
                new Grouping.Group(2, "", List.of(new TaskInput(2, List.of(DIR.url()))))),
                Grouping.group("group_label", OUTPUTS, h -> true));
    }

    @Test
    void groupNodeLabelKeysByLabelAndHost() {
        assertEquals(List.of(
                new Grouping.Group(0, "n1", List.of(new TaskInput(0, List.of(DIR.url())))),
                new Grouping.Group(1, "h1", List.of(new TaskInput(1, DATA.urls()))),
                new Grouping.Group(2, "n1", List.of(new TaskInput(2, List.of(DIR.url()))))),
                Grouping.group("group_node_label", OUTPUTS, h -> true));
    }

    @Test
    void groupNodeGivesDirInputsLabelAll() {
        assertEquals(List.of(
                new Grouping.Group(0, "h1", List.of(new TaskInput(1, DATA.urls()))),
                new Grouping.Group(0, "n1", List.of(new TaskInput("all", List.of(DIR.url()))))),
                Grouping.group("group_node", OUTPUTS, h -> true));
    }

    @Test
    void groupAllMakesOneGroupWithEverything() {
        assertEquals(List.of(new Grouping.Group(0, "", List.of(new TaskInput(1, DATA.urls()),
                new TaskInput("all", List.of(DIR.url()))))), Grouping.group("group_all", OUTPUTS, h -> true));
    }

    @Test
    void dataHostIsTheTextAfterTheSchemeUpToSlashOrColon() {
        assertEquals("127.0.0.1", new StageOutput.Data(0, 0, List.of("http://127.0.0.1:9445/w.txt")).host(h -> true));
        assertEquals("", new StageOutput.Data(0, 0, List.of("file-without-scheme")).host(h -> true));
    }

    @Test
    void dataHostThatIsNoClusterHostIsNone() {
        StageOutput.Data raw = new StageOutput.Data(0, 0, List.of("raw://alpha beta", "http://localhost/x"));
        assertEquals("localhost", raw.host("localhost"::equals));
        assertEquals(List.of(new Grouping.Group(0, "", List.of(new TaskInput(0, List.of("raw://some words"))))),
                Grouping.group("split", List.of(new StageOutput.Data(0, 0, List.of("raw://some words"))),
                        "localhost"::equals));
    }
}
