/**
 * Submissions and their workflow (RECEIVED, IN_EDIT, IN_REVIEW, ADOPTED, NOT_ADOPTED, RETURNED),
 * edits with history, journals and issues, adoptions, leader instructions, upstream adoptions,
 * commissions (约稿) and returns; every act audited in {@code submission_event}.
 */
package org.baosong.editorial;
