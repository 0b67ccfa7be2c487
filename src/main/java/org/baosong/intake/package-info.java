/**
 * The Spring Integration flow that strings the stages together, declared in one place: durable
 * receipt, then parse, header rules, extraction, content rules, and the outcome (file, reject,
 * ignore, quarantine) with its reply, each step named and with its own failure policy.
 */
package org.baosong.intake;
