package org.baosong.profile;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.baosong.common.ConfigurationError;

/** The profiles loaded at start-up, by id, and the deployment's own jurisdiction profile. */
public class ProfileCatalog {

	private final Map<String, JurisdictionProfile> profiles;

	private final JurisdictionProfile jurisdiction;

	ProfileCatalog(Map<String, JurisdictionProfile> profiles, String jurisdictionId) {
		this.profiles = Map.copyOf(profiles);
		this.jurisdiction = profiles.get(jurisdictionId);
		if (jurisdiction == null) {
			throw new ConfigurationError("baosong.profiles.jurisdiction",
					"no profile '" + jurisdictionId + "' (loaded: " + String.join(", ", profiles.keySet().stream().sorted().toList()) + ")");
		}
	}

	public Optional<JurisdictionProfile> find(String id) {
		return Optional.ofNullable(profiles.get(id));
	}

	/** The office a profile's mail is signed by; the jurisdiction's when the profile is unknown. */
	public String officeOf(String profileId) {
		return find(profileId).orElse(jurisdiction).office();
	}

	/** The profile of the deployment's jurisdiction: its sequences are the registry's. */
	public JurisdictionProfile jurisdiction() {
		return jurisdiction;
	}

	public Collection<JurisdictionProfile> all() {
		return profiles.values();
	}
}
