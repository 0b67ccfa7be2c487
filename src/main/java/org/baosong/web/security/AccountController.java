package org.baosong.web.security;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user changes their own password here, with the current one. */
@Controller
@RequestMapping("/account/password")
class AccountController {

	private final Users users;

	private final MessageSource messages;

	AccountController(Users users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("minLength", Passwords.MIN_LENGTH);
		return "account-password";
	}

	@PostMapping
	String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String repeat, Principal principal, Model model, RedirectAttributes redirect,
			Locale locale, HttpServletResponse response) {
		try {
			if (!password.equals(repeat)) {
				throw new Users.Refused("security.account.mismatch");
			}
			users.changeOwnPassword(principal.getName(), current, password);
		}
		catch (Users.Refused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", messages.getMessage(refused.key(), refused.args(), locale));
			model.addAttribute("minLength", Passwords.MIN_LENGTH);
			return "account-password";
		}
		redirect.addFlashAttribute("notice", messages.getMessage("security.account.changed", null, locale));
		return "redirect:/account/password";
	}
}
