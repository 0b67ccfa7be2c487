package org.baosong.scoring;

import java.util.Map;

/**
 * What a unit's reports achieved in a period, counted from the standing editorial acts (whether or not the
 * profile gives them points: Gannan's bulletins count adoptions without a point rule).
 *
 * @param adoptions adoptions per journal code
 */
public record Activity(long unitId, Map<String, Long> adoptions, long instructions, long upstreamAdoptions, long marks, long penalties,
		long commissionsLate, long commissionsMissing) {

	public long totalAdoptions() {
		return adoptions.values().stream().mapToLong(Long::longValue).sum();
	}
}
