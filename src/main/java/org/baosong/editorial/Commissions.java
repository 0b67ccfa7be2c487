package org.baosong.editorial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.audit.AuditLog;
import org.baosong.common.BaosongProperties;
import org.baosong.registry.Registry;
import org.baosong.registry.Unit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commissions (约稿): an editor asks chosen units (or whole sequences) for a report on a topic by a
 * deadline. Creating one stores it OPEN with a PENDING target per unit and announces it with
 * {@link CommissionIssued} (the replies module mails the notices in the same transaction). A
 * submission filed with the commission's code answers its unit's target, ANSWERED or LATE; at the
 * deadline the commission is closed and every target still PENDING becomes MISSING. Each outcome is
 * an editorial act (COMMISSION_ANSWERED, COMMISSION_LATE, COMMISSION_MISSING) for scoring.
 */
@Service
public class Commissions {

	private static final Logger log = LoggerFactory.getLogger(Commissions.class);

	/** A commission's code: letters, digits and '-', as the subject tag 【约稿:CODE】 reads it. */
	public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");

	static final String REF = "commission";

	private final CommissionMapper mapper;

	private final Registry registry;

	private final EditorialActs acts;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	Commissions(CommissionMapper mapper, Registry registry, EditorialActs acts, AuditLog audit, ApplicationEventPublisher events,
			Clock clock, BaosongProperties baosong) {
		this.mapper = mapper;
		this.registry = registry;
		this.acts = acts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = baosong.timeZone();
	}

	/** A commission as listed, with how its targets stand. */
	public record Summary(long id, String profileId, String code, String topic, Instant deadline, String state, String createdBy,
			Instant createdAt, Instant closedAt, long targets, long answered, long late, long missing) {

		public long pending() {
			return targets - answered - late - missing;
		}
	}

	/** One commission in full. */
	public record Detail(long id, String profileId, String code, String topic, String requirements, Instant deadline, String state,
			String createdBy, Instant createdAt, Instant closedAt, String closedBy) {
	}

	/** A target unit and how it answered; when a reminder went to it while it was pending. */
	public record Target(long id, long unitId, String unitName, String sequenceCode, String state, Long submissionId, String trackingNo,
			String title, Instant answeredAt, Instant remindedAt) {
	}

	/** What an editor asks for. */
	public record NewCommission(String code, String topic, String requirements, Instant deadline, List<Long> unitIds,
			List<String> sequenceCodes) {
	}

	/** Why a new commission was refused: a message key of the commissions bundle. */
	public static final class Refused extends RuntimeException {

		private final String key;

		Refused(String key) {
			super(key);
			this.key = key;
		}

		public String key() {
			return key;
		}
	}

	/**
	 * Creates a commission with its targets, audited, and announces it (the notices are queued in this
	 * transaction). Refuses a malformed or used code, an empty topic, a deadline already past, and no
	 * target unit.
	 */
	@Transactional
	public long create(String profileId, NewCommission request) {
		String code = request.code() == null ? "" : request.code().strip().toUpperCase(java.util.Locale.ROOT);
		if (!CODE.matcher(code).matches()) {
			throw new Refused("commissions.error.code");
		}
		if (request.topic() == null || request.topic().isBlank() || request.topic().strip().length() > 300) {
			throw new Refused("commissions.error.topic");
		}
		Instant now = clock.instant();
		if (request.deadline() == null || !request.deadline().isAfter(now)) {
			throw new Refused("commissions.error.deadline");
		}
		List<Unit> units = targetUnits(request);
		if (units.isEmpty()) {
			throw new Refused("commissions.error.targets");
		}
		if (mapper.idByCode(profileId, code).isPresent()) {
			throw new Refused("commissions.error.duplicate");
		}
		String editor = AuditLog.currentActor();
		var row = new CommissionRow(profileId, code, request.topic().strip(), blankToNull(request.requirements()), request.deadline(),
				editor, now);
		mapper.insert(row);
		units.forEach(u -> mapper.insertTarget(row.id, u.id()));
		audit.record("commission.create", REF, row.id, code + " " + row.topic + "，" + units.size() + " 个单位");
		events.publishEvent(new CommissionIssued(row.id, profileId, code, row.topic, row.requirements, row.deadline, editor,
				recipients(units)));
		return row.id;
	}

	/** The active units chosen one by one or by their sequence, each once, in the registry's order. */
	private List<Unit> targetUnits(NewCommission request) {
		Set<Long> ids = new LinkedHashSet<>(request.unitIds() == null ? List.of() : request.unitIds());
		Set<String> sequences = Set.copyOf(request.sequenceCodes() == null ? List.of() : request.sequenceCodes());
		return registry.units().stream()
			.filter(Unit::active)
			.filter(u -> ids.contains(u.id()) || sequences.contains(u.sequenceCode()))
			.toList();
	}

	/** One per address of each active informant of the units (an address once per commission). */
	List<CommissionIssued.Recipient> recipients(List<Unit> units) {
		var byId = new java.util.HashMap<Long, Unit>();
		units.forEach(u -> byId.put(u.id(), u));
		var seen = new java.util.HashSet<String>();
		var recipients = new ArrayList<CommissionIssued.Recipient>();
		for (var informant : registry.informants()) {
			Unit unit = byId.get(informant.unitId());
			if (unit == null || !informant.active()) {
				continue;
			}
			for (String address : informant.addresses()) {
				if (seen.add(address.strip().toLowerCase(java.util.Locale.ROOT))) {
					recipients.add(new CommissionIssued.Recipient(unit.id(), unit.name(), informant.name(), address.strip()));
				}
			}
		}
		return recipients;
	}

	/**
	 * Links a submission that carries a commission's code to its unit's target, in the filing's
	 * transaction: ANSWERED when it arrived by the deadline, LATE after it (or when screening flagged it
	 * LATE_COMMISSION), each with its act. Only the first answer of a unit counts; a unit that was not
	 * asked, or an unknown code, links nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void answered(FilingRequest request, long submissionId) {
		if (request.commissionCode() == null) {
			return;
		}
		var commission = mapper.idByCode(request.profileId(), request.commissionCode());
		if (commission.isEmpty()) {
			return;
		}
		Detail detail = mapper.find(commission.get()).orElseThrow();
		Instant at = request.receivedAt() != null ? request.receivedAt() : clock.instant();
		boolean late = at.isAfter(detail.deadline()) || request.flagCodes().contains("LATE_COMMISSION");
		String state = late ? "LATE" : "ANSWERED";
		if (mapper.answer(detail.id(), request.unitId(), state, submissionId, at) == 0) {
			log.info("submission #{} names commission {} but its unit #{} has no pending target", submissionId, detail.code(),
					request.unitId());
			return;
		}
		LocalDate day = request.receivedOn() != null ? request.receivedOn() : at.atZone(zone).toLocalDate();
		acts.record(request.profileId(), late ? "COMMISSION_LATE" : "COMMISSION_ANSWERED", day, request.unitId(), submissionId, REF,
				detail.id(), detail.code() + (late ? " 逾期报送" : " 按时报送"), ActAttributes.of(ActAttributes.COMMISSION, detail.code()));
	}

	/** Closes every open commission whose deadline has passed; returns how many. */
	@Transactional
	public int closeDue() {
		int closed = 0;
		for (long id : mapper.openDue(clock.instant())) {
			if (close(id)) {
				closed++;
			}
		}
		return closed;
	}

	/**
	 * Closes a commission (at its deadline, or now by an administrator), audited: state CLOSED, every
	 * PENDING target MISSING with its act (effective on the deadline's day, or today when closed
	 * early). False when it was closed already.
	 */
	@Transactional
	public boolean close(long id) {
		Detail detail = mapper.find(id).orElseThrow(() -> new IllegalArgumentException("no commission " + id));
		Instant now = clock.instant();
		if (mapper.close(id, now, AuditLog.currentActor()) == 0) {
			return false;
		}
		Instant day = detail.deadline().isBefore(now) ? detail.deadline() : now;
		LocalDate effectiveOn = day.atZone(zone).toLocalDate();
		for (Target target : mapper.targets(id)) {
			if ("PENDING".equals(target.state()) && mapper.missing(target.id()) == 1) {
				acts.record(detail.profileId(), "COMMISSION_MISSING", effectiveOn, target.unitId(), null, REF, id,
						detail.code() + " 未报送", ActAttributes.of(ActAttributes.COMMISSION, detail.code()));
			}
		}
		audit.record("commission.close", REF, id, detail.code());
		return true;
	}

	@Transactional(readOnly = true)
	public List<Summary> list() {
		return mapper.summaries();
	}

	@Transactional(readOnly = true)
	public Optional<Detail> find(long id) {
		return mapper.find(id);
	}

	@Transactional(readOnly = true)
	public List<Target> targets(long id) {
		return mapper.targets(id);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The commission row as written (MyBatis fills the generated id). */
	static final class CommissionRow {
		Long id;
		final String profileId;
		final String code;
		final String topic;
		final String requirements;
		final Instant deadline;
		final String createdBy;
		final Instant createdAt;

		CommissionRow(String profileId, String code, String topic, String requirements, Instant deadline, String createdBy,
				Instant createdAt) {
			this.profileId = profileId;
			this.code = code;
			this.topic = topic;
			this.requirements = requirements;
			this.deadline = deadline;
			this.createdBy = createdBy;
			this.createdAt = createdAt;
		}

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public String getProfileId() { return profileId; }
		public String getCode() { return code; }
		public String getTopic() { return topic; }
		public String getRequirements() { return requirements; }
		public Instant getDeadline() { return deadline; }
		public String getCreatedBy() { return createdBy; }
		public Instant getCreatedAt() { return createdAt; }
	}

	@Mapper
	interface CommissionMapper {

		String DETAIL = "id, profile_id, code, topic, requirements, deadline, state, created_by, created_at, closed_at, closed_by";

		@Insert("""
				INSERT INTO commission (profile_id, code, topic, requirements, deadline, state, created_by, created_at)
				VALUES (#{c.profileId}, #{c.code}, #{c.topic}, #{c.requirements}, #{c.deadline}, 'OPEN', #{c.createdBy}, #{c.createdAt})
				""")
		@Options(useGeneratedKeys = true, keyProperty = "c.id", keyColumn = "id")
		void insert(@Param("c") CommissionRow commission);

		@Insert("INSERT INTO commission_target (commission_id, unit_id, state) VALUES (#{commissionId}, #{unitId}, 'PENDING')")
		void insertTarget(@Param("commissionId") long commissionId, @Param("unitId") long unitId);

		@Select("SELECT id FROM commission WHERE profile_id = #{profileId} AND UPPER(code) = UPPER(#{code})")
		Optional<Long> idByCode(@Param("profileId") String profileId, @Param("code") String code);

		@Select("SELECT " + DETAIL + " FROM commission WHERE id = #{id}")
		Optional<Detail> find(long id);

		@Select("""
				SELECT c.id, c.profile_id, c.code, c.topic, c.deadline, c.state, c.created_by, c.created_at, c.closed_at,
				  COUNT(t.id) AS targets,
				  COALESCE(SUM(CASE WHEN t.state = 'ANSWERED' THEN 1 ELSE 0 END), 0) AS answered,
				  COALESCE(SUM(CASE WHEN t.state = 'LATE' THEN 1 ELSE 0 END), 0) AS late,
				  COALESCE(SUM(CASE WHEN t.state = 'MISSING' THEN 1 ELSE 0 END), 0) AS missing
				FROM commission c LEFT JOIN commission_target t ON t.commission_id = c.id
				GROUP BY c.id, c.profile_id, c.code, c.topic, c.deadline, c.state, c.created_by, c.created_at, c.closed_at
				ORDER BY c.deadline DESC, c.id DESC
				""")
		List<Summary> summaries();

		@Select("""
				SELECT t.id, t.unit_id, u.name AS unit_name, u.sequence_code, t.state, t.submission_id, s.tracking_no, s.title, t.answered_at,
				  t.reminded_at
				FROM commission_target t JOIN unit u ON u.id = t.unit_id LEFT JOIN submission s ON s.id = t.submission_id
				WHERE t.commission_id = #{id} ORDER BY u.sequence_code, u.sort_order, u.code
				""")
		List<Target> targets(long id);

		@Update("""
				UPDATE commission_target SET state = #{state}, submission_id = #{submissionId}, answered_at = #{at}
				WHERE commission_id = #{commissionId} AND unit_id = #{unitId} AND state = 'PENDING'
				""")
		int answer(@Param("commissionId") long commissionId, @Param("unitId") long unitId, @Param("state") String state,
				@Param("submissionId") long submissionId, @Param("at") Instant at);

		@Update("UPDATE commission_target SET state = 'MISSING' WHERE id = #{id} AND state = 'PENDING'")
		int missing(long id);

		@Select("SELECT id FROM commission WHERE state = 'OPEN' AND deadline < #{now} ORDER BY deadline")
		List<Long> openDue(Instant now);

		/** Open commissions whose deadline is after now and no later than until. */
		@Select("SELECT " + DETAIL + " FROM commission WHERE state = 'OPEN' AND deadline > #{now} AND deadline <= #{until} ORDER BY deadline")
		List<Detail> openBefore(@Param("now") Instant now, @Param("until") Instant until);

		@Update("UPDATE commission_target SET reminded_at = #{now} WHERE id = #{id} AND state = 'PENDING' AND reminded_at IS NULL")
		int reminded(@Param("id") long id, @Param("now") Instant now);

		@Update("UPDATE commission SET state = 'CLOSED', closed_at = #{now}, closed_by = #{by} WHERE id = #{id} AND state = 'OPEN'")
		int close(@Param("id") long id, @Param("now") Instant now, @Param("by") String by);
	}
}
