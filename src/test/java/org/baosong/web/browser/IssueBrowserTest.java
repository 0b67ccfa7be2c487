package org.baosong.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.baosong.editorial.Editing;
import org.baosong.mailbox.EmbeddedMailServer;
import org.baosong.testsupport.GatewayTest;
import org.baosong.testsupport.Reports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Publishing an issue in a real browser (Debian's headless Chromium through chromedriver) against the
 * running gateway: a report is under review; the chief editor opens a new issue of 穗府信息, adds the
 * report by its tracking number, publishes; the item shows 已采用, the 采用反馈 mail is in the outbox and
 * reaches the unit's mailbox; the issue's DOCX link answers with the document. Screenshots under
 * target/screenshots/.
 */
// the context of SubmissionPagesTest (same properties; MockMvc only to share it): nothing here counts across the database
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.intake.poll-interval=100ms", "baosong.replies.send-interval=200ms" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IssueBrowserTest {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String TITLE = "越秀区老旧小区改造惠及居民三万户";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedMailServer mailServer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Editing editing;

	WebDriver browser;

	WebDriverWait wait;

	long submission;

	String trackingNo;

	String issueUrl;

	@BeforeAll
	void prepareAReportUnderReviewAndStartTheBrowser() throws Exception {
		addUser("chief-li", "李主编", "ADMIN", "chief-password-1");
		submission = new Reports(mailServer, jdbc).file(Reports.subject("动态", "越秀区推进老旧小区改造"),
				Reports.body("越秀区推进老旧小区改造，今年改造小区42个。"));
		editing.claim(submission, "editor1");
		editing.edit(submission, "editor1", null, TITLE, "今年以来，越秀区改造老旧小区42个，惠及居民3万户。", "改标题");
		editing.submitForReview(submission, "editor1", false);
		trackingNo = jdbc.queryForObject("SELECT tracking_no FROM submission WHERE id = ?", String.class, submission);
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
	void theChiefEditorOpensAnIssueAddsTheReportAndPublishes() throws IOException {
		open("/journals");
		logIn("chief-li", "chief-password-1");
		wait.until(ExpectedConditions.urlContains("/journals"));
		long journal = jdbc.queryForObject("SELECT id FROM journal WHERE code = 'SFXX'", Long.class);
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='/journals/" + journal + "']"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("new-issue"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("create-issue"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("add-item")));
		issueUrl = browser.getCurrentUrl();
		assertThat(issueUrl).matches(".*/issues/\\d+");
		assertThat(browser.findElement(By.tagName("h1")).getText()).matches("穗府信息 20\\d\\d年第\\d+期");

		browser.findElement(By.name("trackingNo")).sendKeys(trackingNo);
		new Select(browser.findElement(By.name("placementKind"))).selectByVisibleText("标题信息");
		browser.findElement(By.id("add")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("items"), TITLE));
		assertThat(browser.findElement(By.id("items")).getText()).contains(trackingNo).contains("越秀区").contains("待审核");
		assertThat(browser.findElement(By.id("issue-state")).getText()).isEqualTo("草稿");
		screenshot("issue-draft");

		browser.findElement(By.id("publish")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("issue-state"), "已发布"));
		assertThat(browser.findElement(By.id("items")).getText()).contains("已采用");
		assertThat(browser.findElements(By.id("publish"))).isEmpty();
		screenshot("issue-published");
		assertThat(jdbc.queryForObject("SELECT state FROM submission WHERE id = ?", String.class, submission)).isEqualTo("ADOPTED");
	}

	@Test
	@Order(2)
	void theAdoptionMailIsInTheOutboxAndReachesTheUnit() throws Exception {
		String subject = "【采用反馈】" + TITLE + "（" + trackingNo + "）";
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM outbound_mail o JOIN submission s ON s.inbound_id = o.inbound_id "
						+ "WHERE s.id = ? AND o.kind = 'ADOPTED' AND o.status = 'SENT'", Long.class, submission) == 1);
		open("/ops/outbox?kind=ADOPTED");
		WebElement outbox = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outbox")));
		assertThat(outbox.getText()).contains(subject).contains(Reports.YUEXIU);
		screenshot("outbox-adopted");
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> inUnitsMailbox(subject));
	}

	@Test
	@Order(3)
	void theIssuesDocxLinkAnswersWithTheDocument() throws Exception {
		browser.get(issueUrl);
		WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export-docx")));
		assertThat(link.getText()).contains("DOCX");
		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getDomProperty("href")))
			.header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue(
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("filename*=UTF-8''%E7%A9%97%E5%BA%9C%E4%BF%A1%E6%81%AF"); // 穗府信息
		try (var doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
			assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("穗府信息", TITLE,
					"今年以来，越秀区改造老旧小区42个，惠及居民3万户。〔越秀区〕");
		}
		Files.write(Path.of("target", "screenshots", "issue-export.docx"), response.body());
	}

	private boolean inUnitsMailbox(String subject) throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect(mailServer.host(), mailServer.imapPort(), Reports.YUEXIU, Reports.YUEXIU);
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			try {
				for (Message message : inbox.getMessages()) {
					if (subject.equals(message.getSubject())) {
						return true;
					}
				}
				return false;
			}
			finally {
				inbox.close(false);
			}
		}
		finally {
			store.close();
		}
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
}
