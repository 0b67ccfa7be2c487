-- Issue 8, bulletin benchmark (docs/PERFORMANCE.md "Bulletins"): the period indexes of the ledger cover the
-- aggregate reads of a period. A bulletin, a ranking and the statistics sum points per unit
-- (LedgerMapper.totals) and count accepted submissions per unit, week and type (acceptedPerWeek) over one
-- period, several periods for the consecutive-quarter alerts; with (profile_id, period_x, unit_id) alone each
-- of those reads looked up every row of the period in the clustered index. With the columns they read
-- appended, they read the index alone, in unit order. The leading columns are the old ones, so every query
-- that used an old index uses its successor (the unit's lines of a period: profile, period, unit).
DROP INDEX ix_score_quarter ON score_entry;
CREATE INDEX ix_score_quarter ON score_entry (profile_id, period_quarter, unit_id, event_kind, points, period_week, report_type);
DROP INDEX ix_score_month ON score_entry;
CREATE INDEX ix_score_month ON score_entry (profile_id, period_month, unit_id, event_kind, points, period_week, report_type);
DROP INDEX ix_score_year ON score_entry;
CREATE INDEX ix_score_year ON score_entry (profile_id, period_year, unit_id, event_kind, points, period_week, report_type);
