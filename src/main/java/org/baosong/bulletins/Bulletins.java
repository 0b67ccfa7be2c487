package org.baosong.bulletins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.baosong.archive.BlobStore;
import org.baosong.audit.AuditLog;
import org.baosong.common.BaosongProperties;
import org.baosong.common.Page;
import org.baosong.profile.AssessmentCalendar.Period;
import org.baosong.profile.JurisdictionProfile;
import org.baosong.profile.PeriodKind;
import org.baosong.profile.ProfileCatalog;
import org.baosong.profile.Sequence;
import org.baosong.replies.ReasonNames;
import org.baosong.scoring.PeriodLabels;
import org.baosong.scoring.PeriodRef;
import org.baosong.scoring.Scores;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Period bulletins (通报, ADR 0025): generated in the background for a profile period and some or all of its
 * sequences, previewed and exported (XLSX, DOCX) as drafts, published by an administrator: the numbers are
 * frozen as they were computed (the snapshot), the files are archived, and every informant of every unit in
 * it is mailed through the outbox. A bulletin generated again for a published period shows what changed.
 */
@Service
public class Bulletins {

	public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	public static final String DOCX_TYPE = BulletinDocx.CONTENT_TYPE;

	/** A request that cannot be carried out, with its reason code (bulletins.refused.CODE in the messages). */
	public static final class Refused extends RuntimeException {

		private final String code;

		public Refused(String code, String message) {
			super(message);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	/** What to generate: a profile period and the sequences (empty: all of the profile's). */
	public record Request(String profileId, String periodKind, String periodKey, List<String> sequences) {
	}

	/** A file to download. */
	public record Exported(String filename, String contentType, byte[] content) {
	}

	/** What publishing did. */
	public record Published(Bulletin bulletin, int mails) {
	}

	private final BulletinMapper mapper;

	private final BulletinGenerator generator;

	private final BulletinTemplates templates;

	private final BulletinMails mails;

	private final BulletinLines lines;

	private final ProfileCatalog profiles;

	private final Scores scores;

	private final BlobStore blobs;

	private final ReasonNames reasonNames;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	Bulletins(BulletinMapper mapper, BulletinGenerator generator, BulletinTemplates templates, BulletinMails mails, BulletinLines lines,
			ProfileCatalog profiles, Scores scores, BlobStore blobs, ReasonNames reasonNames, AuditLog audit, Clock clock, BaosongProperties properties) {
		this.mapper = mapper;
		this.generator = generator;
		this.templates = templates;
		this.mails = mails;
		this.lines = lines;
		this.profiles = profiles;
		this.scores = scores;
		this.blobs = blobs;
		this.reasonNames = reasonNames;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/**
	 * Starts generating a bulletin (audited); it is computed in the background once this transaction commits.
	 * Refused: PROFILE_UNKNOWN, PERIOD_UNKNOWN (not one of the profile's assessed periods), SEQUENCE_UNKNOWN.
	 */
	@Transactional
	public long generate(Request request, String user) {
		JurisdictionProfile profile = profile(request.profileId());
		Period period = period(profile, request.periodKind(), request.periodKey());
		String sequences = sequences(profile, request.sequences());
		generator.abandonStale();
		var row = new BulletinMapper.NewRow();
		row.profileId = profile.id();
		row.periodKind = period.kind().name();
		row.periodKey = period.key();
		row.sequences = sequences;
		row.requestedAt = clock.instant();
		row.requestedBy = user;
		mapper.insert(row);
		long id = row.id;
		audit.record("bulletin.generate", "bulletin", id, profile.id() + " " + period.kind() + " " + period.key() + " [" + sequences + "]");
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					generator.start(id);
				}
			});
		}
		else {
			generator.start(id);
		}
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<Bulletin> find(long id) {
		return mapper.find(id).map(this::bulletin);
	}

	/** Bulletins newest first; a null profile means all. */
	@Transactional(readOnly = true)
	public Page<Bulletin> list(String profileId, int page, int size) {
		int limit = Math.max(1, Math.min(size, 200));
		return new Page<>(mapper.list(profileId, Page.offset(page, limit), limit).stream().map(this::bulletin).toList(), Math.max(0, page), limit,
				mapper.count(profileId));
	}

	/**
	 * What a generated bulletin shows (as computed, never recomputed), every unit's lines included (read up to the
	 * bulletin's watermark); empty while generating or failed.
	 */
	@Transactional(readOnly = true)
	public Optional<BulletinContent> content(long id) {
		return stored(id).map(lines::all);
	}

	/** The bulletin's tables, alerts and totals as computed, without reading the units' lines (null unless stored). */
	@Transactional(readOnly = true)
	public Optional<BulletinContent> summary(long id) {
		return stored(id);
	}

	/** The bulletin's content with one unit's lines (the other units' rows without theirs unless stored); empty when not generated. */
	@Transactional(readOnly = true)
	public Optional<BulletinContent> unit(long id, long unitId) {
		return stored(id).map(c -> lines.unit(c, unitId));
	}

	private Optional<BulletinContent> stored(long id) {
		return mapper.find(id).filter(r -> Bulletin.DRAFT.equals(r.state()) || Bulletin.PUBLISHED.equals(r.state()))
			.map(r -> Snapshots.read(snapshot(id)));
	}

	/** The latest bulletin published for the same period and sequences, other than this one. */
	@Transactional(readOnly = true)
	public Optional<Bulletin> publishedBefore(long id) {
		return mapper.find(id).flatMap(r -> latestPublished(r, id)).map(this::bulletin);
	}

	/** What changed since the bulletin published for the same period and sequences; empty when none was published. */
	@Transactional(readOnly = true)
	public List<BulletinDifference> differences(long id) {
		var row = mapper.find(id).orElseThrow(() -> new Refused("NOT_FOUND", "no bulletin " + id));
		var content = stored(id);
		var published = latestPublished(row, id).filter(p -> p.id() < id);
		if (content.isEmpty() || published.isEmpty()) {
			return List.of();
		}
		return BulletinDifference.between(Snapshots.read(snapshot(published.get().id())), content.get());
	}

	/**
	 * Publishes a draft (audited): gives it 第N期 of its assessment year, archives its XLSX and DOCX, and queues
	 * one mail to each informant address of each unit in it. Refused: NOT_FOUND, NOT_DRAFT (generating, failed
	 * or published already), PERIOD_OPEN (the period is not closed: targets and alerts are not final),
	 * DRAFT_STALE (the ledger of the period changed since the draft was computed: generate it again).
	 */
	@Transactional
	public Published publish(long id, String user) {
		var row = mapper.lock(id).orElseThrow(() -> new Refused("NOT_FOUND", "no bulletin " + id));
		if (!Bulletin.DRAFT.equals(row.state())) {
			throw new Refused("NOT_DRAFT", "bulletin " + id + " is " + row.state());
		}
		var profile = profile(row.profileId());
		var ref = PeriodRef.of(row.periodKind(), row.periodKey());
		if (scores.close(profile.id(), ref).isEmpty()) {
			throw new Refused("PERIOD_OPEN", ref + " is not closed");
		}
		var totals = scores.totals(profile.id(), ref).values();
		long lines = totals.stream().mapToLong(Scores.UnitTotal::lines).sum();
		BigDecimal points = totals.stream().map(Scores.UnitTotal::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (row.ledgerLines() == null || lines != row.ledgerLines() || points.compareTo(row.ledgerPoints()) != 0) {
			throw new Refused("DRAFT_STALE", "the ledger of " + ref + " has " + lines + " rows now, " + row.ledgerLines() + " when the draft was computed");
		}
		BulletinContent content = this.lines.all(Snapshots.read(snapshot(id)));
		int year = profile.calendar().assessmentYear(content.start());
		Integer last = mapper.lastIssueNo(profile.id(), year);
		int issueNo = last == null ? 1 : last + 1;
		Long corrects = latestPublished(row, id).map(BulletinMapper.Row::id).orElse(null);
		var now = clock.instant();
		var edition = new Edition(year, issueNo, LocalDate.ofInstant(now, zone), false, corrects != null);
		String xlsx = store(BulletinXlsx.write(content, edition, reasonNames::name));
		String docx = store(BulletinDocx.write(templates.read(), content, edition));
		int queued = mails.queue(id, content, edition);
		if (mapper.published(id, year, issueNo, corrects, now, user, xlsx, docx, queued) != 1) {
			throw new Refused("NOT_DRAFT", "bulletin " + id + " changed while it was published");
		}
		audit.record("bulletin.publish", "bulletin", id, ref + " " + edition.issueLabel() + ", " + queued + " mails"
				+ (corrects == null ? "" : ", corrects #" + corrects));
		return new Published(bulletin(mapper.find(id).orElseThrow()), queued);
	}

	/** The bulletin as a workbook: the archived file once published, made from the snapshot and the lines up to its watermark for a draft. */
	@Transactional(readOnly = true)
	public Optional<Exported> xlsx(long id) {
		return export(id, "xlsx", XLSX_TYPE, (content, edition) -> BulletinXlsx.write(lines.all(content), edition, reasonNames::name));
	}

	/** The bulletin as a formal document: the archived file once published, made from the snapshot for a draft (it has no lines). */
	@Transactional(readOnly = true)
	public Optional<Exported> docx(long id) {
		return export(id, "docx", DOCX_TYPE, (content, edition) -> BulletinDocx.write(templates.read(), content, edition));
	}

	/** The assessed periods of a profile's assessment year, with their closes. */
	@Transactional(readOnly = true)
	public List<Scores.PeriodStatus> periods(String profileId, int assessmentYear) {
		return scores.periods(profile(profileId).id(), assessmentYear);
	}

	/** The assessment year today falls in, for a profile. */
	public int currentYear(String profileId) {
		return profile(profileId).calendar().assessmentYear(LocalDate.now(clock.withZone(zone)));
	}

	/** The name of a reason code, as rejections say it. */
	public String reasonName(String code) {
		return reasonNames.name(code);
	}

	private Optional<Exported> export(long id, String extension, String type, java.util.function.BiFunction<BulletinContent, Edition, byte[]> write) {
		var row = mapper.find(id).orElse(null);
		if (row == null || !(Bulletin.DRAFT.equals(row.state()) || Bulletin.PUBLISHED.equals(row.state()))) {
			return Optional.empty();
		}
		BulletinContent content = Snapshots.read(snapshot(id));
		if (Bulletin.PUBLISHED.equals(row.state())) {
			var edition = new Edition(row.issueYear(), row.issueNo(), LocalDate.ofInstant(row.publishedAt(), zone), false, row.correctsId() != null);
			String sha = "xlsx".equals(extension) ? row.xlsxSha256() : row.docxSha256();
			return Optional.of(new Exported(edition.filename(content, extension), type, read(sha)));
		}
		var edition = new Edition(null, null, LocalDate.now(clock.withZone(zone)), true, latestPublished(row, id).isPresent());
		return Optional.of(new Exported(edition.filename(content, extension), type, write.apply(content, edition)));
	}

	private Optional<BulletinMapper.Row> latestPublished(BulletinMapper.Row row, long except) {
		return mapper.ofPeriod(row.profileId(), row.periodKind(), row.periodKey(), row.sequences(), Bulletin.PUBLISHED).stream()
			.filter(r -> r.id() != except)
			.findFirst();
	}

	private String store(byte[] bytes) {
		try {
			return blobs.store(new ByteArrayInputStream(bytes)).sha256();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot archive the bulletin's file", ex);
		}
	}

	private byte[] read(String sha256) {
		try {
			Optional<InputStream> in = blobs.open(sha256);
			if (in.isEmpty()) {
				throw new IllegalStateException("the archived file " + sha256 + " of a published bulletin is missing from the archive");
			}
			try (InputStream stream = in.get()) {
				return stream.readAllBytes();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] snapshot(long id) {
		var stored = mapper.snapshot(id);
		if (stored == null || stored.snapshot() == null) {
			throw new IllegalStateException("bulletin " + id + " has no snapshot");
		}
		return stored.snapshot();
	}

	private Bulletin bulletin(BulletinMapper.Row r) {
		return new Bulletin(r.id(), r.profileId(), r.periodKind(), r.periodKey(), PeriodLabels.of(PeriodKind.valueOf(r.periodKind()), r.periodKey()),
				r.sequences(), r.state(), r.stage(), r.progressDone(), r.progressTotal(), r.requestedAt(), r.requestedBy(), r.generatedAt(), r.error(),
				r.ledgerLines(), r.ledgerPoints(), r.issueYear(), r.issueNo(), r.correctsId(), r.publishedAt(), r.publishedBy(), r.xlsxSha256(),
				r.docxSha256(), r.mailsQueued());
	}

	private JurisdictionProfile profile(String id) {
		if (id == null || id.isBlank()) {
			return profiles.jurisdiction();
		}
		return profiles.find(id).orElseThrow(() -> new Refused("PROFILE_UNKNOWN", "no profile '" + id + "'"));
	}

	private static Period period(JurisdictionProfile profile, String kind, String key) {
		PeriodKind periodKind;
		try {
			periodKind = PeriodKind.valueOf(String.valueOf(kind).toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new Refused("PERIOD_UNKNOWN", "no period kind '" + kind + "'");
		}
		if (!profile.calendar().periods().contains(periodKind) || key == null) {
			throw new Refused("PERIOD_UNKNOWN", profile.id() + " does not assess " + periodKind + " " + key);
		}
		return profile.calendar().period(periodKind, key.strip())
			.orElseThrow(() -> new Refused("PERIOD_UNKNOWN", profile.id() + " has no period " + periodKind + " " + key));
	}

	/** The sequence codes in the profile's order; all of them when none is asked for. */
	private static String sequences(JurisdictionProfile profile, List<String> wanted) {
		var asked = new LinkedHashSet<String>();
		if (wanted != null) {
			wanted.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(asked::add);
		}
		var known = profile.sequences().stream().map(Sequence::code).toList();
		for (String code : asked) {
			if (!known.contains(code)) {
				throw new Refused("SEQUENCE_UNKNOWN", profile.id() + " has no sequence '" + code + "'");
			}
		}
		var result = new ArrayList<String>();
		known.stream().filter(c -> asked.isEmpty() || asked.contains(c)).forEach(result::add);
		return String.join(",", result);
	}
}
