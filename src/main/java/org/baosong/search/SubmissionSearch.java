package org.baosong.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

import org.baosong.audit.AuditLog;
import org.baosong.common.BaosongProperties;
import org.baosong.common.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Full-text search over all submissions, the index's status, and the administrators' rebuild. */
@Service
public class SubmissionSearch {

	private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField(SubmissionDocuments.RECEIVED, SortField.Type.LONG, true));

	private static final Sort NEWEST = new Sort(new SortField(SubmissionDocuments.RECEIVED, SortField.Type.LONG, true),
			new SortField(SubmissionDocuments.ID, SortField.Type.LONG, true));

	private static final Sort OLDEST = new Sort(new SortField(SubmissionDocuments.RECEIVED, SortField.Type.LONG),
			new SortField(SubmissionDocuments.ID, SortField.Type.LONG));

	private final SearchIndex index;

	private final IndexUpdater updater;

	private final AuditLog audit;

	private final ZoneId zone;

	private final int maxTextChars;

	SubmissionSearch(SearchIndex index, IndexUpdater updater, AuditLog audit, BaosongProperties baosong, SearchProperties properties) {
		this.index = index;
		this.updater = updater;
		this.audit = audit;
		this.zone = baosong.timeZone();
		this.maxTextChars = properties.maxTextChars();
	}

	public SearchResults search(SearchCriteria criteria) {
		Query query = SearchQueries.query(criteria, zone);
		Sort sort = switch (criteria.order()) {
			case RELEVANCE -> criteria.hasText() ? BY_RELEVANCE : NEWEST;
			case NEWEST -> NEWEST;
			case OLDEST -> OLDEST;
		};
		int offset = Page.offset(criteria.page(), criteria.size());
		return index.withSearcher(searcher -> {
			try {
				// matches are counted up to MAX_DEPTH only: past it Lucene may skip what cannot make the page (ADR 0010)
				TopFieldDocs top = searcher.search(query,
						new TopFieldCollectorManager(sort, offset + criteria.size(), null, SearchCriteria.MAX_DEPTH));
				ScoreDoc[] docs = top.scoreDocs;
				int count = Math.max(0, docs.length - offset);
				int[] ids = new int[count];
				for (int i = 0; i < count; i++) {
					ids[i] = docs[offset + i].doc;
				}
				return new SearchResults(hits(searcher, ids, criteria.text()), criteria.page(), criteria.size(), top.totalHits.value,
						top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private List<SearchHit> hits(IndexSearcher searcher, int[] ids, String text) throws IOException {
		List<Fragments.Marked> marked = Fragments.of(searcher, SearchQueries.highlight(text), ids, maxTextChars);
		var hits = new ArrayList<SearchHit>(ids.length);
		var stored = searcher.storedFields();
		for (int i = 0; i < ids.length; i++) {
			Document doc = stored.document(ids[i]);
			hits.add(new SearchHit(Long.parseLong(doc.get(SubmissionDocuments.ID)), doc.get(SubmissionDocuments.TRACKING),
					marked.get(i).title(), marked.get(i).fragments(), Long.parseLong(doc.get(SubmissionDocuments.UNIT)),
					doc.get(SubmissionDocuments.UNIT_NAME), doc.get(SubmissionDocuments.SEQUENCE), doc.get(SubmissionDocuments.TYPE),
					doc.get(SubmissionDocuments.STATE), SubmissionDocuments.flags(doc), SubmissionDocuments.received(doc)));
		}
		return hits;
	}

	/** The flags some indexed submission carries (URGENT, NEAR_DUPLICATE ...), for the filter. */
	public List<String> flagsInUse() {
		return index.withSearcher(searcher -> {
			try {
				var flags = new ArrayList<String>();
				Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), SubmissionDocuments.FLAG);
				if (terms != null) {
					TermsEnum each = terms.iterator();
					for (BytesRef term = each.next(); term != null; term = each.next()) {
						flags.add(term.utf8ToString());
					}
				}
				return flags;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	public IndexStatus status() {
		var rebuild = updater.rebuild();
		return new IndexStatus(index.documentCount(), updater.pending(), rebuild.running(), rebuild.done(), rebuild.total(),
				rebuild.finishedAt(), updater.lastError());
	}

	/** Rebuilds the index from the database in the background; audited as the current user's act. */
	@Transactional
	public void rebuild() {
		audit.record("SEARCH_REBUILD", "search-index", null, "documents before: " + index.documentCount());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				updater.requestRebuild();
			}
		});
	}
}
