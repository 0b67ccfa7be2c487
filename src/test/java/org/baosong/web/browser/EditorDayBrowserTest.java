package org.baosong.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTestInitializer;
import org.baosong.testsupport.RawSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

/**
 * An editor's day in a real browser (Debian's headless Chromium through chromedriver) against the
 * running gateway: two fixture mails arrive; the editor logs in, finds the first in the queue, claims
 * it, edits the title and sends it to review; returns the second to its unit for revision; finds the
 * first by a Chinese phrase; checks the pages on a 1366x768 screen. A screenshot of each main page is saved under target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms" })
@ContextConfiguration(initializers = GatewayTestInitializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorDayBrowserTest {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeAll
	void startBrowserAndSendMail() throws Exception {
		addUser("editor-wang", "王编辑", "EDITOR", "editor-password-1");
		addUser("admin-li", "李管理员", "ADMIN", "admin-password-1");
		sendFixture("01-accepted-body-only.eml");
		sendFixture("02-accepted-docx.eml");
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM submission", Long.class) == 2);
		browser = Chromium.start();
		browser.manage().window().setSize(new Dimension(1366, 768));
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	@Order(1)
	void aWrongPasswordIsRefusedAndTheRightOneLetsTheEditorIn() throws IOException {
		open("/queues");
		wait.until(ExpectedConditions.urlContains("/login"));
		screenshot("login");
		logIn("editor-wang", "not-the-password");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
		logIn("editor-wang", "editor-password-1");
		wait.until(ExpectedConditions.urlContains("/queues"));
		assertThat(browser.findElement(By.cssSelector("header .user")).getText()).contains("editor-wang");
	}

	@Test
	@Order(2)
	void theEditorFindsTheReportInItsQueueClaimsEditsAndSendsItToReview() throws IOException {
		open("/queues");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.queue")));
		assertThat(browser.findElement(By.cssSelector(".queue-list")).getText()).contains("全部待办（2）");
		screenshot("queues");
		// the district queue holds 海珠区's report
		browser.findElement(By.partialLinkText("区（县级市）序列")).click();
		WebElement item = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("海珠区加强湿地生态保护修复提升城市生态品质")));
		item.click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("submission-state"), "采编中"));
		screenshot("submission-claimed");

		WebElement title = browser.findElement(By.id("edit-title"));
		title.clear();
		title.sendKeys("海珠区湿地生态保护修复成效明显");
		browser.findElement(By.id("save")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("submission-title"), "海珠区湿地生态保护修复成效明显"));
		assertThat(browser.findElement(By.cssSelector(".flash .notice")).getText()).isEqualTo("已保存为新版本。");
		browser.findElement(By.linkText("对比上一版")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diff ins")));
		screenshot("submission-diff");

		browser.findElement(By.id("submit-review")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("submission-state"), "待审核"));
		assertThat(jdbc.queryForObject("SELECT state FROM submission WHERE title = '海珠区湿地生态保护修复成效明显'", String.class))
			.isEqualTo("IN_REVIEW");
	}

	@Test
	@Order(3)
	void theEditorReturnsTheOtherReportForRevisionAndTheUnitIsMailed() throws IOException {
		open("/queues?flag=");
		String other = jdbc.queryForObject("SELECT title FROM submission WHERE state = 'RECEIVED'", String.class);
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText(other))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".actions details"))).isDisplayed();
		browser.findElements(By.cssSelector(".actions details summary")).stream().filter(s -> s.getText().equals("退回单位修改")).findFirst()
			.orElseThrow().click();
		browser.findElement(By.id("return-comment")).sendKeys("请补充具体数据和下一步工作安排。");
		browser.findElement(By.id("return")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("submission-state"), "退回修改"));
		screenshot("submission-returned");
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM outbound_mail WHERE kind = 'RETURN' AND status = 'SENT' AND body_text LIKE '%请补充具体数据和下一步工作安排。%'",
				Long.class) == 1);
	}

	@Test
	@Order(4)
	void theEditorFindsAReportByAChinesePhraseAndItsEditedTitle() throws IOException {
		open("/search");
		WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
		q.sendKeys("湿地生态");
		q.submit();
		// the index follows the edit after commit: the edited title is what the result shows
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-results li")));
		WebElement first = browser.findElement(By.cssSelector(".search-results li h2 a"));
		assertThat(first.getText()).isEqualTo("海珠区湿地生态保护修复成效明显");
		assertThat(browser.findElements(By.cssSelector(".search-results mark"))).isNotEmpty();
		screenshot("search");
		first.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("submission-title"), "海珠区湿地生态保护修复成效明显"));
	}

	@Test
	@Order(5)
	void theMainPagesRenderOnAnOfficeScreen() throws IOException {
		for (String page : new String[] { "/", "/registry", "/queues?state=ALL", "/ops/profile" }) {
			open(page);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top")));
			assertThat(browser.getTitle()).contains("报送");
			// nothing wider than the screen: no horizontal scrolling on 1366x768
			Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow.intValue()).as("horizontal overflow of %s", page).isLessThanOrEqualTo(0);
			screenshot(page.equals("/") ? "dashboard" : page.substring(1).replaceAll("[^a-z]+", "-").replaceAll("-+$", ""));
		}
	}

	@Test
	@Order(6)
	void anAdministratorsTwoRowsOfLinksFitTheScreenToo() throws IOException {
		browser.findElement(By.cssSelector("form.logout button[type=submit]")).click();
		open("/");
		logIn("admin-li", "admin-password-1");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".secondary-nav a[href$='/admin/audit']")));
		for (String page : new String[] { "/", "/journals", "/commissions", "/ops/inbound", "/ops/outbox", "/admin/users" }) {
			open(page);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top")));
			Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow.intValue()).as("horizontal overflow of %s for an administrator", page).isLessThanOrEqualTo(0);
		}
		open("/");
		screenshot("dashboard-admin");
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

	private void logIn(String user, String password) {
		WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
		name.clear();
		name.sendKeys(user);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	private void screenshot(String name) throws IOException {
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private void addUser(String username, String displayName, String roles, String password) {
		jdbc.update("INSERT INTO app_user (username, display_name, password_hash, roles, enabled, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, TRUE, ?, ?)", username, displayName, passwords.encode(password), roles,
				java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()));
	}

	private void sendFixture(String name) throws Exception {
		String text = Files.readString(Path.of("mail-fixtures", "rules", name))
			.replace("{{TODAY_CN}}", TODAY.format(DateTimeFormatter.ofPattern("yyyy年M月d日")))
			.replace("{{TODAY}}", TODAY.toString());
		String from = text.lines().filter(l -> l.startsWith("From:")).findFirst().orElseThrow().replaceAll(".*<([^>]+)>.*", "$1");
		RawSmtp.send(mailServer.smtpPort(), from, mailServer.address(), text.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
