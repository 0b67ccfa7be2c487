package org.baosong.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a caller who is not logged in to the login page, saying "session ended" when the browser
 * still presented a session that has timed out or was ended by an administrator.
 *
 * <p>Not Spring Security's {@code invalidSessionUrl}: that also answers a form posted without a
 * CSRF token in the session with a redirect to the login page, where a refusal (403) is right.
 */
class LoginPageEntryPoint extends LoginUrlAuthenticationEntryPoint {

	LoginPageEntryPoint() {
		super("/login");
	}

	@Override
	protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) {
		boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
		return ended ? "/login?expired" : "/login";
	}
}
