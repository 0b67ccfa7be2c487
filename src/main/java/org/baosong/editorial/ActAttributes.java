package org.baosong.editorial;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facts of an act that scoring rules match on, as string keys and values, e.g. for an adoption
 * {@code journal=suifu-xinxi, placement=标题信息, role=HOST}; for an instruction {@code level=city-leader}.
 * Stored with the act as a JSON object (keys sorted), so the act stream alone explains and reproduces
 * the ledger. Immutable; {@link #NONE} when an act has none.
 */
public final class ActAttributes {

	public static final ActAttributes NONE = new ActAttributes(new TreeMap<>());

	/** Keys the editorial acts write; the scoring profiles (issue 8) match on them. */
	public static final String JOURNAL = "journal";
	public static final String JOURNAL_LEVEL = "journalLevel";
	public static final String PLACEMENT = "placement";
	public static final String ROLE = "role";
	public static final String LEVEL = "level";
	public static final String WITH_INSTRUCTION = "withInstruction";
	public static final String CODE = "code";
	public static final String COMMISSION = "commission";
	public static final String ADOPTION = "adoption";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
	};

	private final SortedMap<String, String> values;

	private ActAttributes(SortedMap<String, String> values) {
		this.values = Collections.unmodifiableSortedMap(values);
	}

	/** Null values are left out. */
	public static ActAttributes of(Map<String, String> values) {
		var copy = new TreeMap<String, String>();
		values.forEach((k, v) -> {
			if (v != null) {
				copy.put(k, v);
			}
		});
		return copy.isEmpty() ? NONE : new ActAttributes(copy);
	}

	public static ActAttributes of(String key, String value) {
		return of(Collections.singletonMap(key, value));
	}

	public static ActAttributes fromJson(String json) {
		if (json == null || json.isBlank()) {
			return NONE;
		}
		return of(JSON.readValue(json, MAP));
	}

	/** The stored form; null for none. */
	public String toJson() {
		return values.isEmpty() ? null : JSON.writeValueAsString(values);
	}

	public Optional<String> get(String key) {
		return Optional.ofNullable(values.get(key));
	}

	public boolean is(String key, String value) {
		return value.equals(values.get(key));
	}

	public SortedMap<String, String> asMap() {
		return values;
	}

	public boolean isEmpty() {
		return values.isEmpty();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ActAttributes that && values.equals(that.values);
	}

	@Override
	public int hashCode() {
		return values.hashCode();
	}

	@Override
	public String toString() {
		return values.toString();
	}
}
