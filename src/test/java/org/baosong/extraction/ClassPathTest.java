package org.baosong.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parser process is started through Boot's launcher when the gateway runs as an executable jar (scripts/smoke-jar runs it). */
class ClassPathTest {

	@Test
	void recognisesBothFormsOfAnExecutableJarsClassLocation() {
		assertThat(ClassPath.isBootJarLocation("jar:nested:/opt/baosong/baosong.jar/!BOOT-INF/classes/!/")).isTrue();
		assertThat(ClassPath.isBootJarLocation("jar:file:/opt/baosong/baosong.jar!/BOOT-INF/classes!/")).isTrue();
		assertThat(ClassPath.isBootJarLocation("file:/work/main/target/classes/")).isFalse();
	}

	@Test
	void fromClassesTheClassPathIsUsedDirectly() {
		assertThat(ClassPath.launch(ClassPathTest.class)).contains("-cp").contains(ClassPathTest.class.getName());
	}
}
