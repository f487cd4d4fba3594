package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.HeadlessChromium;
import io.jdisco.local.testing.StatusJobs;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: pictures of the status pages (desktop and phone widths) and the jobs page with 1,000
 * jobs. Screenshots go to {@code target/status-pages/}, and also to the directory named by
 * {@code -Djdisco.screenshots=DIR} (the README's pictures: {@code bin/status-screenshots}).
 * The time to render {@code /} is printed, not asserted.
 */
class StatusPageRenderTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws IOException {
        browser.close();
    }

    @Test
    void screenshotsOfTheJobsPageAndAJobPage() throws Exception {
        try (Fixture f = new Fixture()) {
            String failed = f.disco.submit(StatusJobs.pack("Grep", StatusJobs.FAILS, false));
            assertThrows(JobException.class, () -> f.await(failed));
            String killed = f.disco.submit(StatusJobs.pack("Sort", StatusJobs.WAITS, false));
            String done = f.disco.submit(StatusJobs.pack("WordCount", StatusJobs.FINISHES, true));
            f.await(done);
            f.disco.kill(killed);
            String running = f.disco.submit(StatusJobs.pack("Join", StatusJobs.WAITS, true));
            waitForRunning(f, running);

            for (int width : new int[] {1200, 390}) {
                String suffix = width < 600 ? "-phone" : "";
                browser.viewport(width, 900, width < 600);
                browser.navigate(f.master.url() + "/");
                browser.waitFor("four jobs", "document.querySelectorAll('#jobs tbody tr').length === 4", WAIT);
                shoot("status-jobs" + suffix + ".png", width);
                browser.navigate(f.master.url() + StatusJobs.page(done));
                browser.waitFor("the job's counters", "!document.getElementById('counters-section').hidden", WAIT);
                shoot("status-job" + suffix + ".png", width);
                assertTrue(browser.eval("document.documentElement.scrollWidth <= " + width).asBoolean(),
                        "no sideways scrolling at " + width + " px: "
                                + browser.text("document.documentElement.scrollWidth"));
            }
            browser.viewport(1200, 900, false);
            browser.navigate(f.master.url() + StatusJobs.page(failed));
            browser.waitFor("the failed task", "!document.getElementById('failures-section').hidden", WAIT);
            shoot("status-job-failed.png", 1200);
            StatusJobs.release(f.master.discoData(), running);
        }
    }

    @Test
    void theJobsPageRendersAThousandJobs() throws Exception {
        try (Fixture f = new Fixture()) {
            Disco local = new Disco(f.master.url(), f.master.transport());
            byte[] pack = new JobPack(JobPack.VERSION2, TestPacks.pipeline("Many",
                    List.of(List.of("map", "split", false), List.of("reduce", "group_all", false)), List.of()),
                    Map.of(), TestPacks.home(StatusJobs.FINISHES), new byte[0]).encode();
            String last = null;
            for (int i = 0; i < 1000; i++) {
                last = local.submit(pack);
            }
            f.await(last);
            browser.viewport(1200, 900, false);
            long t0 = System.nanoTime();
            browser.navigate(f.master.url() + "/");
            browser.waitFor("1,000 rows", "document.querySelectorAll('#jobs tbody tr').length === 1000", WAIT);
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long inPage = browser.eval("Number(document.body.dataset.renderedMs)").asLong();
            assertTrue(browser.text("document.getElementById('summary').textContent").startsWith("1000 jobs"));
            long t1 = System.nanoTime();
            browser.eval("const i = document.getElementById('filter'); i.value = 'no such job';"
                    + " i.dispatchEvent(new Event('input'))");
            long filter = (System.nanoTime() - t1) / 1_000_000;
            assertEquals(0, browser.eval("[...document.querySelectorAll('#jobs tbody tr')].filter(r => !r.hidden)"
                    + ".length").asInt());
            long bytes = browser.eval("fetch('/disco/ctrl/joblist_detail').then(r => r.text()).then(t => t.length)")
                    .asLong();
            System.out.println("status page: / with 1000 jobs rendered " + inPage + " ms after navigation start"
                    + " (" + wall + " ms seen by the test, navigation included; joblist_detail " + bytes
                    + " bytes); filtering them took " + filter + " ms");
        }
    }

    private static void waitForRunning(Fixture f, String job) throws Exception {
        Await.until(() -> f.disco.jobInfo(job).pipeline().get(0).running() >= 1, WAIT, "job " + job + " starts its task");
    }

    /** A picture of the whole page (up to 2,400 px high) at the viewport's width. */
    private static void shoot(String name, int width) throws Exception {
        int height = Math.min(2400, browser.eval("document.documentElement.scrollHeight").asInt());
        browser.viewport(width, Math.max(height, 600), width < 600);
        for (Path dir : StatusPageBrowserTest.screenshotDirs()) {
            Files.createDirectories(dir);
            browser.screenshot(dir.resolve(name));
        }
        browser.viewport(width, 900, width < 600);
    }
}
