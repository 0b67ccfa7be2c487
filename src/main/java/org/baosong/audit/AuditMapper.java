package org.baosong.audit;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AuditMapper {

	@Insert("""
			INSERT INTO audit_log (occurred_at, actor, action, target_type, target_id, detail, remote_addr)
			VALUES (#{e.occurredAt}, #{e.actor}, #{e.action}, #{e.targetType}, #{e.targetId}, #{e.detail}, #{e.remoteAddr})
			""")
	void insert(@Param("e") AuditLog.AuditEntry entry);

	@Select("""
			<script>
			SELECT id, occurred_at, actor, action, target_type, target_id, detail, remote_addr FROM audit_log
			<where>
			  <if test="targetType != null">target_type = #{targetType}</if>
			  <if test="targetId != null">AND target_id = #{targetId}</if>
			</where>
			ORDER BY id DESC LIMIT #{limit}
			</script>
			""")
	List<AuditLog.AuditEntry> recent(@Param("targetType") String targetType, @Param("targetId") String targetId,
			@Param("limit") int limit);
}
