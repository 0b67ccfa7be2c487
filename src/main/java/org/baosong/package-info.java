/**
 * Baosong: the email gateway and editorial workflow server for government information submission.
 * Each direct sub-package is a module (see DESIGN.md); modules talk through the types at their
 * package root, never through another module's mapper or tables.
 */
package org.baosong;
