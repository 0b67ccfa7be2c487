package org.baosong.extraction;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to start a class of this application in a new JVM: with the gateway's class path when it
 * runs from classes and jars (IDE, Maven, tests), through Spring Boot's PropertiesLauncher when
 * it runs as an executable jar, whose nested jars a plain {@code -cp} cannot reach.
 */
final class ClassPath {

	private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private ClassPath() {
	}

	static List<String> launch(Class<?> main) {
		// absolute: the parser process runs in its own working directory
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map(entry -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
		if (runsFromBootJar(main)) {
			return List.of("-Dloader.main=" + main.getName(), "-cp", classPath, BOOT_LAUNCHER);
		}
		return List.of("-cp", classPath, main.getName());
	}

	private static boolean runsFromBootJar(Class<?> main) {
		var source = main.getProtectionDomain().getCodeSource();
		return source != null && source.getLocation() != null && isBootJarLocation(source.getLocation().toString());
	}

	/** Boot 3.2+ names classes in an executable jar "jar:nested:/app.jar/!BOOT-INF/classes/!/" (older: ".../app.jar!/BOOT-INF/"). */
	static boolean isBootJarLocation(String location) {
		return location.contains("BOOT-INF");
	}
}
