package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.HeadlessChromium;
import io.jdisco.local.testing.StatusJobs;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.CommException;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.JobListing;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: the status pages in a real headless Chromium ({@link HeadlessChromium}): the jobs page
 * lists a finished and a failed job with their statuses; a job's page shows its stages complete,
 * its events, counters and results, and its failed task's error; a running job's page turns done
 * without a reload; Kill and Purge work from the page after a confirmation; a job's text that looks
 * like HTML is shown as text. A missing browser fails these tests, with the reason.
 */
class StatusPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Fixture f;
    private static HeadlessChromium browser;
    private static String finished;
    private static String failed;

    @BeforeAll
    static void start() throws Exception {
        f = new Fixture();
        browser = HeadlessChromium.start();
        finished = f.disco.submit(StatusJobs.pack("Finished", StatusJobs.FINISHES, true));
        failed = f.disco.submit(StatusJobs.pack("Failing", StatusJobs.FAILS, false));
        f.await(finished);
        assertThrows(JobException.class, () -> f.await(failed));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            f.close();
        }
    }

    /** A JavaScript string literal of {@code s}. */
    private static String js(String s) throws Exception {
        return JSON.writeValueAsString(s);
    }

    /** The expression of the jobs page's row of job {@code name} (undefined until listed). */
    private static String row(String name) throws Exception {
        return "[...document.querySelectorAll('#jobs tbody tr')].find(r => r.dataset.name === " + js(name) + ")";
    }

    private static void open(String path) throws Exception {
        browser.navigate(f.master.url() + path);
        browser.waitFor("the page to show the master's data", "document.body.dataset.loaded === 'true'", WAIT);
    }

    @Test
    void theJobsPageListsAFinishedAndAFailedJobWithTheirStatuses() throws Exception {
        open("/");
        browser.waitFor("both jobs listed", row(finished) + " && " + row(failed), WAIT);
        assertEquals("ready", browser.text(row(finished) + ".querySelector('.status').textContent"));
        assertEquals("dead", browser.text(row(failed) + ".querySelector('.status').textContent"));
        assertEquals(f.master.url() + StatusJobs.page(finished),
                browser.text(row(finished) + ".querySelector('a').href"));
        assertEquals(finished, browser.text(row(finished) + ".querySelector('a').textContent"));
        assertEquals("map 1/1 done|map_shuffle 1/1 done|reduce 1/1 done", browser.text("[..." + row(finished)
                + ".querySelectorAll('.stage')].map(s => s.firstChild.textContent + ' '"
                + " + s.querySelector('.count').textContent).join('|')"));
        assertEquals("map 0/1|map_shuffle not run", browser.text("[..." + row(failed)
                + ".querySelectorAll('.stage')].map(s => s.firstChild.textContent + ' '"
                + " + s.querySelector('.count').textContent).join('|')"));
        assertTrue(browser.text("document.getElementById('summary').textContent").startsWith("2 jobs, 0 active"));
        assertEquals("Not refreshing: no job is active", refreshing());

        browser.eval("const i = document.getElementById('filter'); i.value = 'failing';"
                + " i.dispatchEvent(new Event('input'))");
        assertTrue(browser.eval(row(finished) + ".hidden").asBoolean(), "filtered out");
        assertFalse(browser.eval(row(failed) + ".hidden").asBoolean(), "matches the filter");
    }

    @Test
    void aJobPageShowsItsStagesCompleteItsEventsCountersAndResults() throws Exception {
        open(StatusJobs.page(finished));
        assertEquals(finished, browser.text("document.getElementById('name').textContent"));
        assertEquals("ready", browser.text("document.querySelector('#status .status').textContent"));
        assertEquals("map 1/1 done|map_shuffle 1/1 done|reduce 1/1 done", browser.text(
                "[...document.querySelectorAll('#stages tbody tr')]"
                + ".map(r => r.cells[0].textContent + ' ' + r.querySelector('.count').textContent).join('|')"));
        assertEquals("raw://done", browser.text("document.querySelector('#results li').textContent"));
        assertEquals("lines=9|words=21", browser.text("[...document.querySelectorAll('#counters tbody tr')]"
                + ".map(r => r.cells[0].textContent + '=' + r.cells[1].textContent).join('|')"));
        assertFalse(browser.eval("document.getElementById('counters-section').hidden").asBoolean());
        String last = browser.text("[...document.querySelectorAll('#events tbody tr')].pop().cells[2].textContent");
        assertTrue(last.startsWith("READY: Job finished in"), last);
        assertTrue(browser.eval("document.querySelectorAll('#events tbody tr').length > 5").asBoolean());
        assertTrue(browser.eval("document.getElementById('kill').disabled").asBoolean(),
                "a finished job is not killed");
        assertTrue(browser.eval("document.getElementById('failures-section').hidden").asBoolean());

        browser.eval("const s = document.getElementById('task'); s.value = 'reduce:2';"
                + " s.dispatchEvent(new Event('change'))");
        String shown = browser.text("[...document.querySelectorAll('#events tbody tr')].filter(r => !r.hidden)"
                + ".map(r => r.cells[2].textContent).join('\\n')");
        assertTrue(shown.contains("[reduce:2]") && !shown.contains("[map:0]") && !shown.contains("READY"), shown);
    }

    @Test
    void aFailedJobsPageShowsTheFailedTaskAndItsErrorHighlighted() throws Exception {
        open(StatusJobs.page(failed));
        assertEquals("dead", browser.text("document.querySelector('#status .status').textContent"));
        assertFalse(browser.eval("document.getElementById('failures-section').hidden").asBoolean());
        String failure = browser.text("document.querySelector('#failures li').textContent");
        assertTrue(failure.startsWith("map:0 at ") && failure.contains("java.io.IOException: the input is gone")
                && failure.contains("at Map.run(Map.java:12)"), failure);
        assertEquals(2, browser.eval("document.querySelectorAll('#failures li').length").asInt(),
                "two attempts failed");
        String highlighted = browser.text("document.querySelector('#events tr.ev-error').cells[2].textContent");
        assertTrue(highlighted.startsWith("ERROR: [map:0] java.io.IOException: the input is gone"), highlighted);
        assertEquals("map 0/1", browser.text("document.querySelector('#stages tbody tr').cells[0].textContent + ' '"
                + " + document.querySelector('#stages .count').textContent"));
        assertTrue(browser.eval("document.getElementById('counters-section').hidden").asBoolean(), "no counters");
        assertEquals("None.", browser.text("document.getElementById('no-results').textContent"));
        assertTrue(browser.eval("document.getElementById('no-results').hidden === false").asBoolean());
        String last = browser.text("[...document.querySelectorAll('#events tbody tr')].pop().className + ' '"
                + " + [...document.querySelectorAll('#events tbody tr')].pop().cells[2].textContent");
        assertTrue(last.startsWith("ev-error Job dead after "), "the job's end highlighted: " + last);
    }

    @Test
    void aRunningJobsPageTurnsDoneWithoutAReload() throws Exception {
        String job = f.disco.submit(StatusJobs.pack("Running", StatusJobs.WAITS, false));
        open(StatusJobs.page(job));
        browser.waitFor("the job's task to run", "document.body.dataset.status === 'active'"
                + " && document.querySelector('#stages tbody tr').cells[2].textContent === '1'", WAIT);
        assertTrue(refreshing().startsWith("Refreshing every"));
        browser.eval("window.stillTheSamePage = true");
        StatusJobs.release(f.master.discoData(), job);
        browser.waitFor("the page to show the job done", "document.body.dataset.status === 'ready'", WAIT);
        assertTrue(browser.eval("window.stillTheSamePage === true").asBoolean(), "not reloaded");
        browser.waitFor("the last events and results", "document.querySelector('#results li')"
                + " && [...document.querySelectorAll('#events tbody tr')].pop().cells[2].textContent"
                + ".startsWith('READY')",
                WAIT);
        assertEquals("raw://late", browser.text("document.querySelector('#results li').textContent"));
        assertEquals("map 1/1 done", browser.text("document.querySelector('#stages tbody tr').cells[0].textContent"
                + " + ' ' + document.querySelector('#stages .count').textContent"));
        assertEquals("Not refreshing: no job is active", refreshing());
    }

    @Test
    void killFromThePageAsksThenKillsTheJob() throws Exception {
        String job = f.disco.submit(StatusJobs.pack("KillMe", StatusJobs.WAITS, false));
        open(StatusJobs.page(job));
        browser.waitFor("the job active", "document.body.dataset.status === 'active'", WAIT);
        browser.eval("window.asked = []; window.confirm = m => { window.asked.push(m); return false; };"
                + " document.getElementById('kill').click()");
        assertTrue(browser.text("window.asked[0]").startsWith("Kill job " + job + "?"));
        assertEquals("active", status(job), "a cancelled confirmation kills nothing");

        browser.eval("window.confirm = () => true; document.getElementById('kill').click()");
        browser.waitFor("the page to show the job dead", "document.body.dataset.status === 'dead'", WAIT);
        assertEquals("dead", status(job));
        browser.waitFor("the kill in the events", "[...document.querySelectorAll('#events tbody tr')]"
                + ".some(r => r.cells[2].textContent === 'Job killed by the user')", WAIT);
        assertTrue(browser.eval("document.getElementById('error').hidden").asBoolean(),
                browser.text("document.getElementById('error').textContent"));
    }

    @Test
    void purgeFromThePageDeletesTheJobAndReturnsToTheJobs() throws Exception {
        String job = f.disco.submit(StatusJobs.pack("PurgeMe", StatusJobs.FINISHES, false));
        f.await(job);
        open(StatusJobs.page(job));
        browser.eval("window.confirm = () => true; document.getElementById('purge').click()");
        browser.waitFor("the jobs page", "location.pathname === '/' && document.body.dataset.loaded === 'true'", WAIT);
        assertThrows(CommException.class, () -> f.disco.jobInfo(job));
        assertTrue(browser.eval(row(job) + " === undefined").asBoolean(), "no longer listed");
    }

    @Test
    void anUnknownJobsPageSaysSoAndStops() throws Exception {
        open(StatusJobs.page("NoSuchJob@1:2:3"));
        assertEquals("unknown", browser.text("document.body.dataset.status"));
        assertEquals("the master answered 404: unknown job 'NoSuchJob@1:2:3'",
                browser.text("document.getElementById('error').textContent"));
        assertEquals("Not refreshing: no such job", refreshing());
        assertTrue(browser.eval("document.getElementById('kill').disabled").asBoolean());
    }

    @Test
    void aJobsTextThatLooksLikeHtmlIsShownAsText() throws Exception {
        String html = "<script>window.pwned = 1</script><img src=x onerror=\\\"window.pwned = 2\\\">";
        String job = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Html", java.util.List.of("raw://a"), true,
                false, 1), TestPacks.shellWorker("send MSG '\"" + html + "\"'; reply\n"
                        + "send FATAL '\"<b>bold</b><img src=y onerror=\\\"window.pwned = 3\\\">\"'")));
        assertThrows(JobException.class, () -> f.await(job));
        open(StatusJobs.page(job));
        String shown = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
        browser.waitFor("the event shown", "[...document.querySelectorAll('#events tbody tr')]"
                + ".some(r => r.cells[2].textContent === " + js("MSG: [map:0] " + shown) + ")", WAIT);
        assertEquals("<b>bold</b><img src=y onerror=\"window.pwned = 3\">",
                browser.text("document.querySelector('#failures pre').textContent"));
        assertEquals(0, browser.eval("document.querySelectorAll('main img, main script, main b').length").asInt());
        assertEquals("undefined", browser.text("typeof window.pwned"));
    }

    private static String refreshing() throws Exception {
        return browser.text("document.getElementById('refreshing').textContent");
    }

    private static String status(String job) throws Exception {
        for (JobListing j : f.disco.jobs()) {
            if (j.name().equals(job)) {
                return j.status().wireName();
            }
        }
        return "unknown";
    }

    /** Where screenshots go: always {@code target/status-pages}, also {@code -Djdisco.screenshots=DIR}. */
    static Path[] screenshotDirs() {
        String extra = System.getProperty("jdisco.screenshots");
        Path target = Path.of("target", "status-pages");
        return extra == null || extra.isBlank() ? new Path[] {target} : new Path[] {target, Path.of(extra)};
    }
}
