/**
 * Period bulletins (通报): per sequence tables of submissions, adoptions, scores, targets and
 * ranks; alerts; XLSX and DOCX export with a server-rendered chart; distribution through the outbox.
 */
package org.baosong.bulletins;
