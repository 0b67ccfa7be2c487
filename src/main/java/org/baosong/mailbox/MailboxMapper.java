package org.baosong.mailbox;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MailboxMapper {

	void upsert(@Param("m") MailboxDefinition mailbox, @Param("now") Instant now);

	int deactivateAllExcept(@Param("ids") List<String> ids, @Param("now") Instant now);
}
