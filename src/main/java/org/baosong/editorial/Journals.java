package org.baosong.editorial;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.baosong.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journals an office publishes (穗府信息, 穗府要情 ...), per jurisdiction profile, each with the
 * placement kinds an adopted item can take in it (标题信息, 简讯 ...). Administrators keep them.
 */
@Service
@Transactional
public class Journals {

	private final JournalMapper mapper;

	private final AuditLog audit;

	Journals(JournalMapper mapper, AuditLog audit) {
		this.mapper = mapper;
		this.audit = audit;
	}

	/** A journal; {@code placementKinds} is the comma list as stored. */
	public record Journal(long id, String profileId, String code, String name, String level, String placementKinds, boolean active,
			int sortOrder) {

		public List<String> kinds() {
			return splitKinds(placementKinds);
		}
	}

	/** What an administrator enters; the profile is fixed at creation. */
	public record Form(String profileId, String code, String name, String level, String placementKinds, boolean active, int sortOrder) {
	}

	/** Why a journal or an issue was refused; {@code code} names it for the message bundle. */
	public static final class Invalid extends RuntimeException {

		private final String code;

		public Invalid(String code, String message) {
			super(message);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	@Transactional(readOnly = true)
	public List<Journal> list() {
		return mapper.journals();
	}

	@Transactional(readOnly = true)
	public Optional<Journal> find(long id) {
		return mapper.journal(id);
	}

	public long create(Form form) {
		var row = row(0, form);
		if (row.profileId == null || row.profileId.isBlank()) {
			throw new Invalid("PROFILE_REQUIRED", "a journal belongs to a profile");
		}
		if (mapper.codeTaken(row.profileId, row.code, 0) > 0) {
			throw new Invalid("CODE_TAKEN", "code " + row.code + " is taken");
		}
		mapper.insertJournal(row);
		audit.record("JOURNAL_CREATED", "journal", row.id, row.code + " " + row.name);
		return row.id;
	}

	public void update(long id, Form form) {
		var current = mapper.journal(id).orElseThrow(() -> new Invalid("NOT_FOUND", "no journal " + id));
		var row = row(id, new Form(current.profileId(), form.code(), form.name(), form.level(), form.placementKinds(), form.active(),
				form.sortOrder()));
		if (mapper.codeTaken(row.profileId, row.code, id) > 0) {
			throw new Invalid("CODE_TAKEN", "code " + row.code + " is taken");
		}
		mapper.updateJournal(row);
		audit.record("JOURNAL_UPDATED", "journal", id, row.code + " " + row.name + " [" + row.placementKinds + "]");
	}

	private static JournalRow row(long id, Form form) {
		String code = trim(form.code());
		String name = trim(form.name());
		if (code == null || code.length() > 32 || !code.matches("[A-Za-z0-9_-]+")) {
			throw new Invalid("CODE_INVALID", "code must be 1 to 32 letters, digits, '-' or '_'");
		}
		if (name == null || name.length() > 100) {
			throw new Invalid("NAME_INVALID", "name must have 1 to 100 characters");
		}
		List<String> kinds = splitKinds(form.placementKinds());
		String joined = String.join(",", kinds);
		if (kinds.isEmpty() || joined.length() > 500 || kinds.stream().anyMatch(k -> k.length() > 32)) {
			throw new Invalid("KINDS_INVALID", "at least one placement kind, each up to 32 characters");
		}
		String level = trim(form.level());
		return new JournalRow(id == 0 ? null : id, trim(form.profileId()), code, name, level == null ? null : level.substring(0, Math.min(32, level.length())),
				joined, form.active(), form.sortOrder());
	}

	/** Splits a comma list (Chinese or Latin commas, or new lines), trimmed, without blanks or repeats. */
	static List<String> splitKinds(String kinds) {
		if (kinds == null) {
			return List.of();
		}
		return List.copyOf(Arrays.stream(kinds.split("[,，、\\n]")).map(String::strip).filter(k -> !k.isEmpty())
			.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** A journal's row as written (MyBatis fills the generated id). */
	static final class JournalRow {
		Long id;
		final String profileId;
		final String code;
		final String name;
		final String level;
		final String placementKinds;
		final boolean active;
		final int sortOrder;

		JournalRow(Long id, String profileId, String code, String name, String level, String placementKinds, boolean active, int sortOrder) {
			this.id = id;
			this.profileId = profileId;
			this.code = code;
			this.name = name;
			this.level = level;
			this.placementKinds = placementKinds;
			this.active = active;
			this.sortOrder = sortOrder;
		}

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public String getProfileId() { return profileId; }
		public String getCode() { return code; }
		public String getName() { return name; }
		public String getLevel() { return level; }
		public String getPlacementKinds() { return placementKinds; }
		public boolean isActive() { return active; }
		public int getSortOrder() { return sortOrder; }
	}
}
