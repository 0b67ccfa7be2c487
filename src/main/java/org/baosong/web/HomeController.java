package org.baosong.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the home page is the dashboard ({@link DashboardController}). */
@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}
}
