package org.baosong.bulletins;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.baosong.bulletins.BulletinContent.AlertRow;
import org.baosong.bulletins.BulletinContent.Journal;
import org.baosong.bulletins.BulletinContent.SequenceTable;
import org.baosong.bulletins.BulletinContent.UnitRow;
import org.baosong.common.BaosongProperties;
import org.baosong.mailbox.InboundMessages;
import org.baosong.mailbox.InboundStatus;
import org.baosong.profile.AssessmentCalendar.Period;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.PeriodKind;
import org.baosong.scoring.Activity;
import org.baosong.scoring.PeriodLabels;
import org.baosong.scoring.PeriodRef;
import org.baosong.scoring.Scores;
import org.baosong.scoring.Standing;
import org.springframework.stereotype.Component;

/**
 * Computes what a bulletin shows, in small steps, each reported to the progress: the standings (points,
 * accepted submissions, targets and ranks), the editorial activity (adoptions per journal, instructions,
 * upper adoptions, commissions), the alerts and the inbound log of the period (received and rejected by
 * reason). The units' explanations are not copied: the content records the ledger's watermark (its highest
 * row id), and the explanations are the period's rows up to it ({@link BulletinLines}). Call it inside one
 * read-only, repeatable-read transaction so all the steps, and the watermark, see the same ledger.
 */
@Component
class BulletinComputation {

	/** What a step reports while the bulletin is computed. */
	interface Progress {

		void at(String stage, int done, int total);

		Progress NONE = (stage, done, total) -> {
		};
	}

	private final Scores scores;

	private final InboundMessages inbound;

	private final Clock clock;

	private final ZoneId zone;

	BulletinComputation(Scores scores, InboundMessages inbound, Clock clock, BaosongProperties properties) {
		this.scores = scores;
		this.inbound = inbound;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	BulletinContent compute(JurisdictionProfile profile, Period period, List<String> sequenceCodes, Progress progress) {
		var ref = new PeriodRef(period.kind(), period.key());
		Set<String> wanted = new HashSet<>(sequenceCodes);

		progress.at("STANDINGS", 0, 0);
		long watermark = scores.watermark();
		var figures = scores.figures(profile.id(), ref);
		var totals = figures.totals();
		long ledgerLines = totals.values().stream().mapToLong(Scores.UnitTotal::lines).sum();
		BigDecimal ledgerPoints = totals.values().stream().map(Scores.UnitTotal::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		List<Standing> allStandings = figures.standings();
		List<Standing> standings = allStandings.stream().filter(s -> wanted.contains(s.sequenceCode())).toList();
		boolean closed = scores.close(profile.id(), ref).isPresent();

		progress.at("ACTIVITY", 0, 0);
		Map<Long, Activity> activity = scores.activity(profile.id(), ref);

		progress.at("ALERTS", 0, 0);
		var alerts = alerts(profile.id(), ref, allStandings, standings, activity, wanted);

		progress.at("INTAKE", 0, 0);
		Map<Long, Intake> intake = intake(period);

		var rows = new LinkedHashMap<String, List<UnitRow>>();
		for (Standing s : standings) {
			rows.computeIfAbsent(s.sequenceCode(), c -> new ArrayList<>()).add(row(s, activity.get(s.unitId()), intake.get(s.unitId())));
		}

		var tables = new ArrayList<SequenceTable>();
		for (var sequence : profile.sequences()) {
			if (wanted.contains(sequence.code())) {
				var unitRows = rows.getOrDefault(sequence.code(), List.of());
				tables.add(new SequenceTable(sequence.code(), sequence.name(), targets(standings, sequence), unitRows));
			}
		}
		var journals = profile.scoring().journals().stream().map(j -> new Journal(j.code(), j.name())).toList();
		return new BulletinContent(profile.id(), profile.name(), profile.office(), period.kind().name(), period.key(),
				PeriodLabels.of(period.kind(), period.key()), period.start(), period.end(), closed, clock.instant(), ledgerLines,
				ledgerPoints.setScale(2), watermark, normalisation(profile, period.kind()), journals, tables, alerts);
	}

	/** A unit's row without its lines (they are read up to the watermark when shown). */
	private static UnitRow row(Standing s, Activity a, Intake in) {
		Intake intake = in == null ? new Intake() : in;
		var first = s.targets().isEmpty() ? null : s.targets().get(0);
		return new UnitRow(s.unitId(), s.unitCode(), s.unitName(), intake.received, intake.rejected, Map.copyOf(intake.reasons), s.submissions(),
				a == null ? Map.of() : new TreeMap<>(a.adoptions()), a == null ? 0 : a.totalAdoptions(), a == null ? 0 : a.instructions(),
				a == null ? 0 : a.upstreamAdoptions(), a == null ? 0 : a.marks(), a == null ? 0 : a.penalties(),
				a == null ? 0 : a.commissionsLate(), a == null ? 0 : a.commissionsMissing(), s.points(),
				first == null ? null : first.required(), first == null ? null : first.measure(), s.completion(), s.met(), s.rank(), null);
	}

	/** The profile's alerts of the period (closed periods only), and late or missing commissions from the acts. */
	private List<AlertRow> alerts(String profileId, PeriodRef ref, List<Standing> allStandings, List<Standing> standings,
			Map<Long, Activity> activity, Set<String> wanted) {
		var result = new ArrayList<AlertRow>();
		scores.alerts(profileId, ref, allStandings, activity).stream().filter(a -> wanted.contains(a.sequenceCode()))
			.forEach(a -> result.add(new AlertRow(a.unitId(), a.unitName(), a.sequenceCode(), a.kind(), a.praise(), a.text())));
		for (Standing s : standings) {
			Activity a = activity.get(s.unitId());
			if (a != null && a.commissionsLate() > 0) {
				result.add(new AlertRow(s.unitId(), s.unitName(), s.sequenceCode(), "COMMISSION_LATE", false,
						"约稿逾期报送 " + a.commissionsLate() + " 次"));
			}
			if (a != null && a.commissionsMissing() > 0) {
				result.add(new AlertRow(s.unitId(), s.unitName(), s.sequenceCode(), "COMMISSION_MISSING", false,
						"约稿未报送 " + a.commissionsMissing() + " 次"));
			}
		}
		return result;
	}

	/** Per unit, the messages received in the period (office days) and the rejected ones by reason code; counted in SQL. */
	private Map<Long, Intake> intake(Period period) {
		var result = new HashMap<Long, Intake>();
		for (var row : inbound.intake(period.start().atStartOfDay(zone).toInstant(), period.end().plusDays(1).atStartOfDay(zone).toInstant())) {
			Intake intake = result.computeIfAbsent(row.unitId(), u -> new Intake());
			intake.received += row.messages();
			if (row.status() == InboundStatus.REJECTED) {
				intake.rejected += row.messages();
				if (row.reasonCodes() != null) {
					for (String code : row.reasonCodes().split(",")) {
						if (!code.isBlank()) {
							intake.reasons.merge(code.strip(), row.messages(), Long::sum);
						}
					}
				}
			}
		}
		return result;
	}

	private static final class Intake {

		long received;

		long rejected;

		final Map<String, Long> reasons = new TreeMap<>();
	}

	/** The targets of a sequence as the standings judged them, as people read them: 季度得分指标 18 分；季度报送 90 条. */
	static String targets(List<Standing> standings, org.baosong.profile.Sequence sequence) {
		Integer weekly = sequence.targets().stream().filter(t -> t.period() == PeriodKind.WEEK && t.quantity() != null).findFirst()
			.map(org.baosong.profile.Target::quantity).orElse(null);
		return standings.stream().filter(s -> s.sequenceCode().equals(sequence.code())).findFirst()
			.map(s -> String.join("；", s.targets().stream().map(t -> target(t, weekly)).toList()))
			.orElse("");
	}

	private static String target(Standing.TargetStatus t, Integer weekly) {
		String type = t.reportType() == null ? "" : "（" + t.reportType() + "）";
		return switch (t.measure()) {
			case "SCORE" -> periodName(t.period()) + "得分指标 " + plain(t.required()) + " 分";
			case "WEEKLY" -> "每周报送至少 " + (weekly == null ? "1" : weekly) + " 条" + type + "（本期 " + plain(t.required()) + " 周）";
			default -> periodName(t.period()) + "报送 " + plain(t.required()) + " 条" + type;
		};
	}

	private static String periodName(String kind) {
		return switch (PeriodKind.valueOf(kind)) {
			case WEEK -> "每周";
			case MONTH -> "月度";
			case QUARTER -> "季度";
			case HALF -> "半年";
			case YEAR -> "年度";
		};
	}

	/** The statement a bulletin prints when the period's scores were converted to a scale (Changchun: 100). */
	static String normalisation(JurisdictionProfile profile, PeriodKind kind) {
		var n = profile.scoring().normalisation();
		if (n == null || n.period() != kind) {
			return null;
		}
		String scale = plain(n.scale());
		return "本期得分已折合为" + ("100".equals(scale) ? "百分制" : scale + "分制") + "：折合得分 = " + scale
				+ " × 本单位得分 ÷ 本序列最高得分（各序列分别折算，最高分单位为 " + scale + " 分）。";
	}

	static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}
}
