package org.baosong.common;

/** The roles of the web UI (spec/editorial.md). */
public enum Role {
	ADMIN, EDITOR, REVIEWER, VIEWER
}
