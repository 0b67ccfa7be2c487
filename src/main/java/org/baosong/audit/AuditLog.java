package org.baosong.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.baosong.common.Page;

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
		recordAs(currentActor(), action, targetType, targetId, detail);
	}

	/**
	 * Records an act whose actor is not the logged-in user: a failed login is recorded under the
	 * name that was typed (cut to the column's 64 characters).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAs(String actor, String action, String targetType, Object targetId, String detail) {
		mapper.insert(new AuditEntry(null, clock.instant(), cut(actor == null || actor.isBlank() ? SYSTEM : actor, 64),
				cut(action, 64), cut(targetType, 32), targetId == null ? null : cut(String.valueOf(targetId), 64), detail,
				cut(remoteAddress(), 64)));
	}

	/** One page of the log, newest first; blank filter values match everything. */
	@Transactional(readOnly = true)
	public Page<AuditEntry> search(AuditFilter filter, int page, int size) {
		int limit = Math.max(1, Math.min(size, 500));
		return new Page<>(mapper.search(filter, Page.offset(page, limit), limit), Math.max(0, page), limit, mapper.count(filter));
	}

	/** The actions and target types that occur in the log, for the filter lists. */
	@Transactional(readOnly = true)
	public List<String> actions() {
		return mapper.actions();
	}

	@Transactional(readOnly = true)
	public List<String> targetTypes() {
		return mapper.targetTypes();
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

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/**
	 * What to show of the log: each value exact, null for all.
	 *
	 * @param actor      user name
	 * @param action     e.g. {@code LOGIN_FAILED}
	 * @param targetType e.g. {@code user}, {@code submission}
	 * @param targetId   the target's id or name
	 */
	public record AuditFilter(String actor, String action, String targetType, String targetId) {

		public AuditFilter {
			actor = blankToNull(actor);
			action = blankToNull(action);
			targetType = blankToNull(targetType);
			targetId = blankToNull(targetId);
		}

		private static String blankToNull(String text) {
			return text == null || text.isBlank() ? null : text.strip();
		}
	}

	public record AuditEntry(Long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
			String detail, String remoteAddr) {
	}
}
