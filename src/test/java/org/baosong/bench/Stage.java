package org.baosong.bench;

/**
 * One measured stage of a workload.
 *
 * @param name     what was measured
 * @param messages messages it handled
 * @param items    what it counted besides (attachments, rows, characters), with {@code unit}
 * @param bytes    bytes it read
 * @param seconds  wall-clock seconds
 * @param cpu      CPU seconds (of the measuring thread, or of the gateway process and its parsers)
 * @param note     anything that qualifies the figure
 */
record Stage(String name, int messages, long items, String unit, long bytes, double seconds, double cpu, String note) {

	double perSecond() {
		return seconds <= 0 ? 0 : messages / seconds;
	}

	double megabytesPerSecond() {
		return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
	}

	double cpuPerMessage() {
		return messages == 0 ? 0 : cpu / messages;
	}

	Stage withNote(String more) {
		return new Stage(name, messages, items, unit, bytes, seconds, cpu, note == null || note.isEmpty() ? more : note + "; " + more);
	}
}
