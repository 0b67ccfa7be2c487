package org.baosong.common;

import java.util.List;

/**
 * A feature's part of the authorization matrix. Rules of one bean are applied in their order;
 * features must not declare overlapping patterns (the matrix test proves each endpoint's access).
 */
@FunctionalInterface
public interface AccessRules {

	List<AccessRule> rules();
}
