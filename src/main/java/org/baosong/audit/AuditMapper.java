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

	String FILTER = """
			<where>
			  <if test="f.actor != null">actor = #{f.actor}</if>
			  <if test="f.action != null">AND action = #{f.action}</if>
			  <if test="f.targetType != null">AND target_type = #{f.targetType}</if>
			  <if test="f.targetId != null">AND target_id = #{f.targetId}</if>
			</where>
			""";

	@Select("<script>SELECT id, occurred_at, actor, action, target_type, target_id, detail, remote_addr FROM audit_log "
			+ FILTER + " ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}</script>")
	List<AuditLog.AuditEntry> search(@Param("f") AuditLog.AuditFilter filter, @Param("offset") int offset, @Param("limit") int limit);

	@Select("<script>SELECT COUNT(*) FROM audit_log " + FILTER + "</script>")
	long count(@Param("f") AuditLog.AuditFilter filter);

	@Select("SELECT DISTINCT action FROM audit_log ORDER BY action")
	List<String> actions();

	@Select("SELECT DISTINCT target_type FROM audit_log WHERE target_type IS NOT NULL ORDER BY target_type")
	List<String> targetTypes();
}
