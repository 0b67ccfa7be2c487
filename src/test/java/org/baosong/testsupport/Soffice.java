package org.baosong.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice, headless, converting a document to PDF: the proof that an exported DOCX opens and lays
 * out in a real word processor. Each conversion has its own user profile directory (parallel runs
 * would fight over one) and a time limit.
 *
 * <p>In CI (environment variable {@code CI=true}) a missing {@code soffice} fails the test: {@code .ci/run}
 * installs {@code libreoffice-writer-nogui}. On a developer's machine without it the conversion tests are
 * skipped with that explanation; CI still runs them.
 */
public final class Soffice {

	static final long TIMEOUT_SECONDS = 180;

	private Soffice() {
	}

	/** Converts the document to PDF in the directory and returns the PDF. */
	public static Path toPdf(Path document, Path outDir) throws IOException, InterruptedException {
		Path soffice = find().orElse(null);
		if (soffice == null) {
			String message = "soffice (LibreOffice) missing: apt-get install libreoffice-writer-nogui (.ci/run does)";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message + "; skipped here, run in CI");
		}
		Path profile = Files.createTempDirectory("baosong-soffice-");
		Files.createDirectories(outDir);
		try {
			return convert(soffice, profile, document, outDir);
		}
		finally {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	private static Path convert(Path soffice, Path profile, Path document, Path outDir) throws IOException, InterruptedException {
		Path log = outDir.resolve("soffice.log");
		String name = document.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".pdf";
		Path pdf = outDir.resolve(name);
		Files.deleteIfExists(pdf);
		var process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
				"--convert-to", "pdf", "--outdir", outDir.toString(), document.toString())
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new IllegalStateException("soffice did not convert " + document + " within " + TIMEOUT_SECONDS + " s");
		}
		if (process.exitValue() != 0 || !Files.exists(pdf)) {
			throw new IllegalStateException("soffice exited " + process.exitValue() + " without " + pdf + ": " + Files.readString(log));
		}
		return pdf;
	}

	private static Optional<Path> find() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, "soffice");
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return List.of(Path.of("/usr/bin/soffice"), Path.of("/usr/lib/libreoffice/program/soffice")).stream().filter(Files::isExecutable)
			.findFirst();
	}
}
