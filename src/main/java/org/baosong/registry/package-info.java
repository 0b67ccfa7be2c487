/**
 * The registry of who may submit: units (code, name, short name, aliases, sequence, parent unit for
 * 直报点, active) and their informants (信息员登记备案制度: name, title, phone, one or more addresses,
 * registered date, active). Sequences come from the deployment's jurisdiction profile. Offers the
 * lookups the screening rules need (informant by address, unit by name or alias, both normalized)
 * and XLSX/CSV import and export modelled on the 信息员统计表; an import is all or nothing.
 */
package org.baosong.registry;
