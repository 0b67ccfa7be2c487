package org.baosong;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules of DESIGN.md are packages; they use each other only through their root (API) packages. */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(BaosongApplication.class);

	@Test
	void moduleBoundariesHold() {
		modules.verify();
	}

	@Test
	void theModulesAreThoseOfTheDesign() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("common", "profile", "registry", "mailbox", "web");
		ApplicationModule registry = modules.getModuleByName("registry").orElseThrow();
		assertThat(registry.getBootstrapDependencies(modules).map(m -> m.getIdentifier().toString()))
			.contains("profile")
			.doesNotContain("web", "mailbox");
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
