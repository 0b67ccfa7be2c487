package org.baosong.web.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver, headless, on loopback only. Selenium
 * Manager is never asked to download anything: both binaries are given.
 *
 * <p>In CI (environment variable {@code CI=true}) a missing browser fails the test: {@code .ci/run}
 * installs {@code chromium} and {@code chromium-driver}. On a developer's machine without them the
 * browser tests are skipped with that explanation; CI still runs them.
 */
final class Chromium {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	static WebDriver start() throws java.io.IOException {
		boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
		if (!present) {
			String message = "Chromium or chromedriver missing: apt-get install chromium chromium-driver (.ci/run does)";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message + "; skipped here, run in CI");
		}
		var options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run", "--lang=zh-CN",
				"--user-data-dir=" + Files.createTempDirectory("baosong-chromium-"));
		var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
		return new ChromeDriver(service, options);
	}
}
