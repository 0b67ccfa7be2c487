package org.baosong.scoring;

import org.baosong.bulletins.Bulletins;
import org.baosong.profile.PeriodKind;
import org.baosong.registry.RegistryExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What the jurisdictions' deployment tests share: an office imports its registry, closes periods and
 * publishes bulletins, through these services of the running gateway.
 */
abstract class DeploymentTestBase {

	static final PeriodRef Q1 = new PeriodRef(PeriodKind.QUARTER, "2025-Q1");

	@Autowired
	ApplicationContext context;

	@Autowired
	RegistryExchange registry;

	@Autowired
	Scores scores;

	@Autowired
	PeriodCloses closes;

	@Autowired
	Bulletins bulletins;
}
