package org.baosong.web.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * What the login page does after an attempt: a login is audited and goes on to the page that was
 * asked for; a refusal goes back to the login page with one of two messages, "name or password
 * wrong" or "locked out, try again in N minutes" (neither says whether the name exists).
 */
class LoginPageHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

	private final LoginAudit audit;

	private final AuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	LoginPageHandlers(LoginAudit audit) {
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		audit.loggedIn(authentication.getName());
		next.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof LoginThrottledException throttled) {
			redirect.sendRedirect(request, response, "/login?locked=" + throttled.minutes());
		}
		else {
			redirect.sendRedirect(request, response, "/login?error");
		}
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication != null) {
			audit.loggedOut(authentication.getName());
		}
	}
}
