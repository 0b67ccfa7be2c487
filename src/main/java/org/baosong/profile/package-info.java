/**
 * Jurisdiction profiles: one YAML file per jurisdiction under {@code config/profiles/} says how
 * its mail is judged (subject grammar, rule options) and scored (calendar, sequences and their
 * targets, the scoring rules of {@link org.baosong.profile.ScoringRules}). Profiles are loaded and
 * validated once at start-up; a wrong key or value stops start-up with a message that names it.
 * Nothing about one jurisdiction is hard-coded in Java.
 */
package org.baosong.profile;
