/**
 * Full-text search over the archive of submissions (titles and texts), Chinese-aware, with
 * filters and highlighting.
 */
package org.baosong.search;
