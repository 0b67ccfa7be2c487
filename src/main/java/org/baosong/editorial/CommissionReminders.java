package org.baosong.editorial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.baosong.audit.AuditLog;
import org.baosong.common.ConfigurationError;
import org.baosong.registry.Registry;
import org.baosong.registry.Unit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a commission's deadline (催报): {@code baosong.commissions.remind-before} (default one
 * day, zero turns them off) before the deadline, every target unit still PENDING is reminded once —
 * its {@code reminded_at} is set and {@link CommissionReminderDue} asks the replies module to mail the
 * unit's informants (as registered now). A commission created when its reminder time had already
 * passed gets none: its notice is fresh. Judged by the injected clock; run by {@link CommissionDeadlines}.
 */
@Service
public class CommissionReminders {

	static final String PROPERTY = "baosong.commissions.remind-before";

	private final Commissions.CommissionMapper mapper;

	private final Commissions commissions;

	private final Registry registry;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration before;

	CommissionReminders(Commissions.CommissionMapper mapper, Commissions commissions, Registry registry, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, @Value("${" + PROPERTY + ":1d}") Duration before) {
		if (before.isNegative()) {
			throw new ConfigurationError(PROPERTY, "must be zero (no reminders) or a positive duration, not " + before);
		}
		this.mapper = mapper;
		this.commissions = commissions;
		this.registry = registry;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.before = before;
	}

	/** How long before a deadline the reminders go; zero when they are off. */
	public Duration before() {
		return before;
	}

	/** Reminds the pending targets of every open commission whose reminder time has come; returns how many targets. */
	@Transactional
	public int remindDue() {
		if (before.isZero()) {
			return 0;
		}
		Instant now = clock.instant();
		int reminded = 0;
		for (Commissions.Detail commission : mapper.openBefore(now, now.plus(before))) {
			if (commission.createdAt().isBefore(commission.deadline().minus(before))) {
				reminded += remind(commission, now);
			}
		}
		return reminded;
	}

	private int remind(Commissions.Detail commission, Instant now) {
		var units = new ArrayList<Unit>();
		for (Commissions.Target target : mapper.targets(commission.id())) {
			if ("PENDING".equals(target.state()) && target.remindedAt() == null && mapper.reminded(target.id(), now) == 1) {
				registry.unit(target.unitId()).ifPresent(units::add);
			}
		}
		if (units.isEmpty()) {
			return 0;
		}
		List<CommissionIssued.Recipient> recipients = commissions.recipients(units);
		audit.record("commission.remind", Commissions.REF, commission.id(),
				commission.code() + "，" + units.size() + " 个单位，" + recipients.size() + " 个地址");
		events.publishEvent(new CommissionReminderDue(commission.id(), commission.profileId(), commission.code(), commission.topic(),
				commission.requirements(), commission.deadline(), commission.createdAt(), recipients));
		return units.size();
	}
}
