package org.baosong.search.web;

import java.time.LocalDate;

import org.baosong.search.SearchCriteria;
import org.springframework.format.annotation.DateTimeFormat;

/** The search form's fields, as request parameters of the page and of {@code GET /api/search}. */
public class SearchForm {

	private String q;

	private Long unit;

	private String sequence;

	private String type;

	private String state;

	private String flag;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	private SearchCriteria.Order order = SearchCriteria.Order.RELEVANCE;

	private int page;

	private int size = SearchCriteria.DEFAULT_SIZE;

	SearchCriteria criteria() {
		return new SearchCriteria(q, unit, sequence, type, state, flag, from, to, order, page, size);
	}

	/** Anything asked at all: without it the page shows only the form. */
	boolean asked() {
		return criteria().hasText() || unit != null || criteria().sequence() != null || criteria().type() != null
				|| criteria().state() != null || criteria().flag() != null || from != null || to != null;
	}

	public String getQ() { return q; }
	public void setQ(String q) { this.q = q; }
	public Long getUnit() { return unit; }
	public void setUnit(Long unit) { this.unit = unit; }
	public String getSequence() { return sequence; }
	public void setSequence(String sequence) { this.sequence = sequence; }
	public String getType() { return type; }
	public void setType(String type) { this.type = type; }
	public String getState() { return state; }
	public void setState(String state) { this.state = state; }
	public String getFlag() { return flag; }
	public void setFlag(String flag) { this.flag = flag; }
	public LocalDate getFrom() { return from; }
	public void setFrom(LocalDate from) { this.from = from; }
	public LocalDate getTo() { return to; }
	public void setTo(LocalDate to) { this.to = to; }
	public SearchCriteria.Order getOrder() { return order; }
	public void setOrder(SearchCriteria.Order order) { this.order = order; }
	public int getPage() { return page; }
	public void setPage(int page) { this.page = page; }
	public int getSize() { return size; }
	public void setSize(int size) { this.size = size; }
}
