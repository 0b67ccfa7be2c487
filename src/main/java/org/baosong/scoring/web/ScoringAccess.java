package org.baosong.scoring.web;

import java.util.List;

import org.baosong.common.AccessRule;
import org.baosong.common.AccessRules;
import org.baosong.common.Role;
import org.springframework.stereotype.Component;

/**
 * The scoring part of the authorization matrix: all staff read the standings, alerts and each unit's ledger
 * lines; only administrators close periods, compare the ledger with its recompute, preview a changed profile
 * and apply a recompute.
 */
@Component
class ScoringAccess implements AccessRules {

	@Override
	public List<AccessRule> rules() {
		return List.of(
				AccessRule.get("/scoring", AccessRule.everyone()),
				AccessRule.get("/scoring/units/{unitId}", AccessRule.everyone()),
				AccessRule.post("/scoring/close", Role.ADMIN),
				AccessRule.get("/admin/scoring/recompute", Role.ADMIN),
				AccessRule.post("/admin/scoring/recompute", Role.ADMIN),
				AccessRule.get("/api/scoring/{profile}/periods", AccessRule.everyone()),
				AccessRule.get("/api/scoring/{profile}/standings", AccessRule.everyone()),
				AccessRule.get("/api/scoring/{profile}/alerts", AccessRule.everyone()),
				AccessRule.get("/api/scoring/{profile}/activity", AccessRule.everyone()),
				AccessRule.get("/api/scoring/{profile}/units/{unitId}/lines", AccessRule.everyone()),
				AccessRule.post("/api/scoring/{profile}/closes", Role.ADMIN),
				AccessRule.get("/api/scoring/{profile}/recompute", Role.ADMIN),
				AccessRule.post("/api/scoring/{profile}/recompute", Role.ADMIN),
				AccessRule.post("/api/scoring/{profile}/preview", Role.ADMIN));
	}
}
