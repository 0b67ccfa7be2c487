package org.baosong.replies;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The names people read for reason codes and flags ({@code config/templates/mail/reasons.properties}, the
 * names rejections use), for the pages that show reasons.
 */
@Component
public class ReasonNames {

	private final ReplyTemplates templates;

	ReasonNames(ReplyTemplates templates) {
		this.templates = templates;
	}

	/** The name of a code; the code itself when the file does not name it. */
	public String name(String code) {
		return templates.reasonName(code);
	}

	/** Every code the file names, sorted by code. */
	public Map<String, String> all() {
		return templates.reasonNames();
	}
}
