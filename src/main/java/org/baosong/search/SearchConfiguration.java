package org.baosong.search;

import java.nio.file.Path;

import org.baosong.common.BaosongProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	SearchIndex searchIndex(SearchProperties properties, BaosongProperties baosong) {
		Path dir = properties.indexDir() != null ? properties.indexDir() : baosong.dataDir().resolve("search-index");
		return SearchIndex.open(dir, new SubmissionDocuments(properties.maxTextChars()));
	}
}
