package org.baosong.registry;

import java.util.List;
import java.util.stream.Collectors;

/** An import refused as a whole; nothing was written. Carries every problem found, not just the first. */
public class RegistryImportException extends RuntimeException {

	private final List<ImportProblem> problems;

	public RegistryImportException(List<ImportProblem> problems) {
		super("导入被拒绝，共 " + problems.size() + " 处问题，名录未作任何改动：\n"
				+ problems.stream().map(ImportProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return problems;
	}
}
