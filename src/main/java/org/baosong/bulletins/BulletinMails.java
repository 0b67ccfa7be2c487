package org.baosong.bulletins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.baosong.bulletins.BulletinContent.Line;
import org.baosong.bulletins.BulletinContent.SequenceTable;
import org.baosong.bulletins.BulletinContent.UnitRow;
import org.baosong.registry.Informant;
import org.baosong.registry.Registry;
import org.baosong.replies.ReasonNames;
import org.baosong.replies.Replies;
import org.springframework.stereotype.Component;

/**
 * Mails a published bulletin to every unit in it: one mail per address of each active informant of the unit
 * (an address once per bulletin), through the outbox, in the publishing transaction. The outbox carries text
 * only, so the mail says what concerns the unit (its figures, rank, alerts and ledger lines) and its sequence's
 * ranking, and where the formal document is (ADR 0025).
 */
@Component
class BulletinMails {

	private final Registry registry;

	private final Replies replies;

	private final ReasonNames reasonNames;

	BulletinMails(Registry registry, Replies replies, ReasonNames reasonNames) {
		this.registry = registry;
		this.replies = replies;
		this.reasonNames = reasonNames;
	}

	/** Queues the mails; returns how many were queued. */
	int queue(long bulletinId, BulletinContent content, Edition edition) {
		Map<Long, List<Informant>> informants = new HashMap<>();
		for (Informant informant : registry.informants()) {
			if (informant.active()) {
				informants.computeIfAbsent(informant.unitId(), u -> new ArrayList<>()).add(informant);
			}
		}
		String title = Edition.title(content, edition.correction());
		Set<String> seen = new HashSet<>();
		int queued = 0;
		for (SequenceTable sequence : content.sequences()) {
			List<String> ranking = sequence.rows().stream()
				.map(r -> "第 " + r.rank() + " 名  " + r.unitName() + "  " + BulletinComputation.plain(r.points()) + " 分"
						+ (r.met() == null ? "" : r.met() ? "（完成）" : "（未完成）"))
				.toList();
			for (UnitRow row : sequence.rows()) {
				for (Informant informant : informants.getOrDefault(row.unitId(), List.of())) {
					for (String address : informant.addresses()) {
						if (address.isBlank() || !seen.add(address.strip().toLowerCase(Locale.ROOT))) {
							continue;
						}
						var notice = new Replies.BulletinNotice(bulletinId, title, edition.issueLabel(), edition.correction(), content.periodLabel(),
								row.unitName(), informant.name(), address.strip(), sequence.name(), row.rank(), sequence.rows().size(),
								BulletinComputation.plain(row.points()), sequence.targets(),
								row.completion() == null ? "—" : BulletinComputation.plain(row.completion()) + "%",
								row.met() == null ? "" : row.met() ? "已完成" : "未完成", figures(content, row),
								content.alertsOf(row.unitId()).stream().map(a -> (a.praise() ? "表扬：" : "批评：") + a.text()).toList(),
								lines(row), ranking, notes(content), edition.chineseDate());
						if (replies.bulletin(notice, content.office())) {
							queued++;
						}
					}
				}
			}
		}
		return queued;
	}

	private List<String> figures(BulletinContent content, UnitRow row) {
		var figures = new ArrayList<String>();
		var received = new StringBuilder("收到来信 ").append(row.received()).append(" 封，退回 ").append(row.rejected()).append(" 封");
		if (!row.rejectedByReason().isEmpty()) {
			var reasons = new ArrayList<String>();
			row.rejectedByReason().forEach((code, n) -> reasons.add(reasonNames.name(code) + " " + n + " 次"));
			received.append("（").append(String.join("，", reasons)).append("）");
		}
		figures.add(received.append("，受理信息 ").append(row.accepted()).append(" 条").toString());
		var adopted = new StringBuilder("被采用 ").append(row.adopted()).append(" 条");
		var journals = new ArrayList<String>();
		content.journals().stream().filter(j -> row.adoptionsIn(j.code()) > 0).forEach(j -> journals.add(j.name() + " " + row.adoptionsIn(j.code()) + " 条"));
		if (!journals.isEmpty()) {
			adopted.append("（").append(String.join("，", journals)).append("）");
		}
		figures.add(adopted.append("，获领导批示 ").append(row.instructions()).append(" 次，被上级采用 ").append(row.upstreamAdoptions()).append(" 次")
			.toString());
		if (row.commissionsLate() + row.commissionsMissing() > 0) {
			figures.add("约稿逾期 " + row.commissionsLate() + " 次，未报 " + row.commissionsMissing() + " 次");
		}
		return figures;
	}

	/** The unit's ledger lines; a reversed line and its reversal are marked, they sum to nothing. */
	static List<String> lines(UnitRow row) {
		return row.lines().stream().map(BulletinMails::line).toList();
	}

	private static String line(Line l) {
		String points = l.points().signum() > 0 ? "+" + BulletinComputation.plain(l.points()) : BulletinComputation.plain(l.points());
		return points + "  " + l.explanation() + (l.reversed() ? "（已撤销）" : "");
	}

	private static List<String> notes(BulletinContent content) {
		var notes = new ArrayList<String>();
		if (!content.closed()) {
			notes.add("本期尚未结算，工作指标完成情况和通报事项以结算后为准。");
		}
		if (content.normalisation() != null) {
			notes.add(content.normalisation());
		}
		return notes;
	}
}
