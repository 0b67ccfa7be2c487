package org.baosong.scoring;

import java.math.BigDecimal;
import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LedgerMapper {

	void insert(@Param("e") Entry entry);

	record Entry(String profileId, long unitId, String year, String half, String quarter, String month, String week, BigDecimal points,
			String ruleId, String eventKind, Long eventId, Long submissionId, String explanation, Instant occurredAt, Instant createdAt) {
	}
}
