package org.baosong.web.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; the form posts to Spring Security's {@code POST /login}. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
		if (locked != null) {
			model.addAttribute("lockedMinutes", minutes(locked));
		}
		return "login";
	}

	/** The minutes the failure handler put in the address; anything else reads as one. */
	private static long minutes(String text) {
		try {
			return Math.max(1, Math.min(Long.parseLong(text.strip()), 24 * 60));
		}
		catch (NumberFormatException notANumber) {
			return 1;
		}
	}
}
