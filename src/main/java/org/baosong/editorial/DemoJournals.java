package org.baosong.editorial;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.common.BaosongProperties;
import org.baosong.profile.ProfileCatalog;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a first start with demo data (demo enabled, no journal yet, the Guangzhou profile loaded), creates
 * the Guangzhou journals named by spec/scoring.md with their placement kinds, through the ordinary
 * {@link Journals#create} (validated and audited like an administrator's).
 */
@Component
@Order(20)
class DemoJournals implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoJournals.class);

	static final String PROFILE = "guangzhou-2005";

	private final BaosongProperties properties;

	private final ProfileCatalog profiles;

	private final Journals journals;

	DemoJournals(BaosongProperties properties, ProfileCatalog profiles, Journals journals) {
		this.properties = properties;
		this.profiles = profiles;
		this.journals = journals;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled() || profiles.find(PROFILE).isEmpty() || !journals.list().isEmpty()) {
			return;
		}
		journals.create(new Journals.Form(PROFILE, "SFXX", "穗府信息", "市政府", "标题信息,短波信息", true, 1));
		journals.create(new Journals.Form(PROFILE, "SFYQ", "穗府要情", "市政府", "要情", true, 2));
		journals.create(new Journals.Form(PROFILE, "SFZB", "穗府信息专报", "市政府", "专报", true, 3));
		journals.create(new Journals.Form(PROFILE, "SFDY", "穗府调研报告", "市政府", "主办,参与", true, 4));
		log.info("Demo journals created for {}: 穗府信息, 穗府要情, 穗府信息专报, 穗府调研报告", PROFILE);
	}
}
