/**
 * The official submission mailboxes: their configuration ({@code baosong.mailboxes[...]}, each
 * naming its jurisdiction profile), the connections (IMAP with IDLE and polling fallback, POP3),
 * the UID cursor per (mailbox, UIDVALIDITY), flagging and moving after the receipt commits, the
 * health of each mailbox, and the embedded GreenMail server that plays the official mailbox in
 * the embedded default.
 */
package org.baosong.mailbox;
