package org.baosong.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records who did what to which thing. Call it inside the transaction of the write it describes
 * (it joins it), so a write and its audit line are committed or rolled back together.
 */
@Service
public class AuditLog {

	/** The actor name used for writes made by Baosong itself (scheduled jobs, start-up). */
	public static final String SYSTEM = "system";

	private final AuditMapper mapper;

	private final Clock clock;

	AuditLog(AuditMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	/** Records an act of the current user (or {@link #SYSTEM} outside a request). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String targetType, Object targetId, String detail) {
		mapper.insert(new AuditEntry(null, clock.instant(), currentActor(), action, targetType,
				targetId == null ? null : String.valueOf(targetId), detail, remoteAddress()));
	}

	/** The most recent entries, newest first, optionally for one target. */
	@Transactional(readOnly = true)
	public List<AuditEntry> recent(String targetType, String targetId, int limit) {
		return mapper.recent(targetType, targetId, Math.max(1, Math.min(limit, 1000)));
	}

	/** The name of the logged-in user, or {@link #SYSTEM}. */
	public static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() || auth.getName() == null ? SYSTEM : auth.getName();
	}

	private static String remoteAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
	}

	public record AuditEntry(Long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
			String detail, String remoteAddr) {
	}
}
