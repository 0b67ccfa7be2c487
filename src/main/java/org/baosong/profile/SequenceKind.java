package org.baosong.profile;

/** 区县政府 / 工作部门 / 直报点. */
public enum SequenceKind {
	DISTRICT, DEPARTMENT, DIRECT
}
