package org.baosong.mime;

/** Attachment names made safe to store: no path, no separators, no control characters, bounded length. */
final class FileNames {

	static final int MAX_CODE_POINTS = 160;

	private FileNames() {
	}

	static String storedName(String original, String fallback) {
		String name = original == null ? "" : original;
		// a client may send a whole Windows or Unix path: keep the last element
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		var out = new StringBuilder(name.length());
		name.codePoints()
			.filter(cp -> !Character.isISOControl(cp) && cp != ':' && cp != '*' && cp != '?' && cp != '"' && cp != '<'
					&& cp != '>' && cp != '|' && Character.getType(cp) != Character.FORMAT)
			.forEach(out::appendCodePoint);
		String clean = out.toString().strip();
		while (clean.startsWith(".")) {
			clean = clean.substring(1);
		}
		if (clean.isBlank()) {
			return fallback;
		}
		if (clean.codePointCount(0, clean.length()) > MAX_CODE_POINTS) {
			int dot = clean.lastIndexOf('.');
			String ext = dot > 0 && clean.length() - dot <= 10 ? clean.substring(dot) : "";
			String stem = clean.substring(0, clean.length() - ext.length());
			clean = stem.substring(0, stem.offsetByCodePoints(0, MAX_CODE_POINTS - ext.length())) + ext;
		}
		return clean;
	}
}
