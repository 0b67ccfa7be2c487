package org.baosong.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.baosong.testsupport.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The index is built at start without holding start-up up, and while a rebuild runs the search page
 * says so (and the button waits); the rebuild here is held at its first read of the table.
 */
@GatewayTest
@AutoConfigureMockMvc
class SearchRebuildPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SubmissionSearch search;

	@MockitoSpyBean
	SubmissionSource source;

	@Test
	void whileTheIndexIsRebuiltThePageSaysSo() throws Exception {
		// start-up found no index and built one (of the empty table) in the background
		await().atMost(Duration.ofSeconds(30)).until(() -> search.status().lastRebuildAt() != null);

		var reading = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		doAnswer(call -> {
			reading.countDown();
			release.await(30, TimeUnit.SECONDS);
			return call.callRealMethod();
		}).when(source).idsAfter(anyLong(), anyInt());
		try {
			mvc.perform(post("/search/rebuild").with(csrf()).with(user("boss").roles("ADMIN")));
			assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(search.status().rebuilding()).isTrue();

			String page = page("VIEWER");
			assertThat(page).contains("索引正在重建（已完成 0/0 条）").contains("检索使用重建开始前的索引");
			assertThat(page("ADMIN")).containsPattern("<button type=\"submit\" disabled=\"disabled\">重建索引</button>");
		}
		finally {
			release.countDown();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> !search.status().rebuilding());
		assertThat(page("VIEWER")).doesNotContain("索引正在重建").contains("上次重建完成于");
	}

	private String page(String role) throws Exception {
		return mvc.perform(get("/search").with(user("u-" + role.toLowerCase()).roles(role))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
