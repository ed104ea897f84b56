package paragent.demo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser harness sees what a broken report would do: an uncaught exception, a console error,
 * a script the page's Content-Security-Policy blocks, and a verdict pushed below the fold; and it
 * passes a clean page. Skipped without Chromium (failed under {@code CI=true}).
 */
class BrowserIT {

    private static Browser browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.startIfInstalled();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aBrokenPageShowsItsExceptionConsoleErrorCspViolationAndHiddenVerdict() throws Exception {
        Assumptions.assumeTrue(browser != null, Browser.INSTALL);
        Path page = Files.writeString(dir.resolve("broken.html"), """
                <!DOCTYPE html><html><head><meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
                </head><body><div style="height: 2000px"></div><p class="verdict">late</p>
                <script>console.error('planted console error'); document.body.appendChild(document.createElement('img')).src = 'https://example.invalid/x.png'; undefinedFunction();</script>
                </body></html>
                """);

        Browser.Page result = browser.open(page, "browser-it-broken");

        assertThat(result.errors()).anySatisfy(e -> assertThat(e).startsWith("exception: ").contains("undefinedFunction"))
                .anySatisfy(e -> assertThat(e).startsWith("console.error: ").contains("planted console error"))
                .anySatisfy(e -> assertThat(e).contains("Content Security Policy").contains("example.invalid"));
        assertThat(result.verdict()).isNotNull().matches(v -> !v.inViewport(), "below the fold");
        assertThat(result.screenshot()).isNotEmptyFile().hasFileName("browser-it-broken.png");
    }

    @Test
    void aCleanPageHasNoErrorsAndItsVerdictInView() throws Exception {
        Assumptions.assumeTrue(browser != null, Browser.INSTALL);
        Path page = Files.writeString(dir.resolve("clean.html"), """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>clean</title></head>
                <body><p class="verdict">first</p><script>console.log('fine');</script></body></html>
                """);

        Browser.Page result = browser.open(page, "browser-it-clean");

        assertThat(result.errors()).isEmpty();
        assertThat(result.verdict()).isNotNull().matches(Browser.VerdictBox::inViewport, "inside 1280x800");
    }
}
