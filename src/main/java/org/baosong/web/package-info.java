/**
 * The browser side shared by all features: layout, security (form login, roles ADMIN, EDITOR,
 * REVIEWER, VIEWER, users in {@code app_user}), error pages and the home page. Feature pages live
 * in {@code <feature>.web} packages of their own modules.
 */
package org.baosong.web;
