package org.baosong.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pager's links keep every parameter of the page but its page number. */
class PageModelTest {

	@Test
	void pageBaseDropsOnlyThePageNumber() {
		assertThat(PageModel.pageBase("/queues", "type=%E7%AE%80%E8%AE%AF&page=3&flag=URGENT")).isEqualTo("/queues?type=%E7%AE%80%E8%AE%AF&flag=URGENT&");
		assertThat(PageModel.pageBase("/queues", "page=2")).isEqualTo("/queues?");
		assertThat(PageModel.pageBase("/queues", null)).isEqualTo("/queues?");
		assertThat(PageModel.pageBase("/ops/inbound", "pages=1")).isEqualTo("/ops/inbound?pages=1&");
	}
}
