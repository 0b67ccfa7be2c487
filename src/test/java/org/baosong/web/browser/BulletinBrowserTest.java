package org.baosong.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.baosong.bulletins.BulletinTestData;
import org.baosong.profile.PeriodKind;
import org.baosong.scoring.PeriodCloses;
import org.baosong.scoring.PeriodRef;
import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A quarter's bulletin in a real browser (Debian's headless Chromium) at 1366x768: the chief of the information
 * section generates the bulletin of Guangzhou's 2024-Q3 from the list, the page follows the generation by
 * itself and shows the draft with its charts; she publishes it, and every informant's mail is in the outbox;
 * then the statistics pages. No page scrolls sideways. Screenshots under target/screenshots/.
 */
// the context of BulletinsTest (same properties; MockMvc only to share it): each class works on its own period
@GatewayTest(properties = { "baosong.demo.enabled=true", "baosong.replies.send-interval=300ms" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulletinBrowserTest {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	PeriodCloses closes;

	WebDriver browser;

	WebDriverWait wait;

	String bulletinUrl;

	@BeforeAll
	void aClosedQuarterAndTheBrowser() throws Exception {
		var data = BulletinTestData.of(context);
		long a = data.inReview("D06", LocalDate.of(2024, 7, 2));
		long b = data.inReview("D07", LocalDate.of(2024, 7, 3));
		long c = data.inReview("D07", LocalDate.of(2024, 7, 4));
		data.publish("SFXX", 2024, LocalDate.of(2024, 7, 20), "标题信息", a, b);
		data.publish("SFXX", 2024, LocalDate.of(2024, 8, 5), "短波信息", c);
		data.rejected("D06", LocalDate.of(2024, 7, 8), "SUBJECT_FORMAT");
		closes.close(BulletinTestData.PROFILE, new PeriodRef(PeriodKind.QUARTER, "2024-Q3"), "admin1", false);
		jdbc.update("INSERT INTO app_user (username, display_name, password_hash, roles, enabled, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, TRUE, ?, ?)", "chief-zhou", "周科长", passwords.encode("chief-password-2"), "ADMIN",
				java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()));
		browser = Chromium.start();
		browser.manage().window().setSize(new Dimension(1366, 768));
		wait = new WebDriverWait(browser, Duration.ofSeconds(60));
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
	void theChiefGeneratesTheQuartersBulletinAndSeesTheDraft() throws IOException {
		open("/bulletins?year=2024");
		WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
		name.sendKeys("chief-zhou");
		browser.findElement(By.name("password")).sendKeys("chief-password-2");
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("generate-bulletin")));
		noOverflow("/bulletins");
		screenshot("bulletins-list");
		new Select(browser.findElement(By.id("period"))).selectByValue("QUARTER:2024-Q3");
		browser.findElement(By.id("generate-bulletin")).click();
		// the page reloads itself (HTTP Refresh) until the draft is there
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulletin-title")));
		bulletinUrl = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("bulletin-title")).getText()).isEqualTo("2024年度第3季度政务信息报送采用情况通报");
		assertThat(browser.findElement(By.id("bulletin-state")).getText()).isEqualTo("草稿");
		assertThat(browser.findElement(By.id("sequence-district")).getText()).contains("天河区政府").contains("番禺区政府");
		assertThat(browser.findElements(By.cssSelector("#sequence-district svg.chart rect.bar"))).hasSizeGreaterThanOrEqualTo(12);
		noOverflow(bulletinUrl);
		screenshot("bulletin-draft");
	}

	@Test
	@Order(2)
	void sheOpensAUnitsExplanationAndPublishes() throws IOException {
		browser.findElement(By.linkText("番禺区政府")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lines")));
		assertThat(browser.findElement(By.id("lines")).getText()).contains("穗府信息 标题信息 +2").contains("穗府信息 短波信息 +1");
		noOverflow("unit");
		screenshot("bulletin-unit");
		browser.get(bulletinUrl);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("publish"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulletin-state"), "已发布"));
		assertThat(browser.findElement(By.cssSelector(".flash .notice")).getText()).startsWith("通报已发布为 2024年第1期");
		assertThat(browser.findElements(By.id("publish"))).isEmpty();
		screenshot("bulletin-published");
		long id = Long.parseLong(bulletinUrl.substring(bulletinUrl.lastIndexOf('/') + 1));
		int informants = jdbc.queryForObject("SELECT COUNT(*) FROM informant i JOIN unit u ON u.id = i.unit_id WHERE i.active AND u.active",
				Integer.class);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE kind = 'BULLETIN' AND dedup_key LIKE ?", Integer.class,
				"bulletin:" + id + ":%")).isEqualTo(informants);
	}

	@Test
	@Order(3)
	void theStatisticsPagesShowTheQuarterWithCharts() throws IOException {
		open("/statistics?year=2024&period=QUARTER:2024-Q3");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-district")));
		assertThat(browser.findElement(By.id("ranking-district")).getText()).contains("番禺区政府");
		assertThat(browser.findElements(By.cssSelector("#trends svg.chart"))).hasSize(2);
		noOverflow("/statistics");
		screenshot("statistics");
		browser.findElement(By.linkText("番禺区政府")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("periods")));
		assertThat(browser.findElement(By.id("periods")).getText()).contains("2024年度第3季度");
		noOverflow("/statistics/units");
		screenshot("statistics-unit");
		open("/statistics/intake?from=2024-07-01&to=2024-07-31");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reasons")));
		assertThat(browser.findElement(By.id("reasons")).getText()).contains("邮件主题格式不对");
		noOverflow("/statistics/intake");
		screenshot("statistics-intake");
	}

	private void noOverflow(String page) {
		Number overflow = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as("horizontal overflow of %s", page).isLessThanOrEqualTo(0);
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

	private void screenshot(String name) throws IOException {
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}
}
