package org.baosong.web.security;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.baosong.common.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users page (administrators): who has an account, with which roles; create, change roles,
 * disable or enable, reset a password. A password Baosong makes up is shown once, on the page the
 * change redirects to, and never again.
 */
@Controller
@RequestMapping("/admin/users")
class UsersController {

	private final Users users;

	private final MessageSource messages;

	UsersController(Users users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	/** A password to show once: whose, and the password. */
	record ShownPassword(String username, String password) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", users.all());
		model.addAttribute("roles", Role.values());
		model.addAttribute("minLength", Passwords.MIN_LENGTH);
		return "users";
	}

	@PostMapping
	String create(@RequestParam String username, @RequestParam String displayName,
			@RequestParam(name = "roles", required = false) List<Role> roles, @RequestParam(required = false) String password,
			RedirectAttributes redirect, Locale locale) {
		try {
			String generated = users.create(username, displayName, roleSet(roles), password);
			redirect.addFlashAttribute("notice", messages.getMessage("security.users.created", new Object[] { username.strip() }, locale));
			if (generated != null) {
				redirect.addFlashAttribute("shownPassword", new ShownPassword(username.strip(), generated));
			}
		}
		catch (Users.Refused refused) {
			redirect.addFlashAttribute("error", text(refused, locale));
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/roles")
	String roles(@PathVariable long id, @RequestParam(name = "roles", required = false) List<Role> roles, RedirectAttributes redirect,
			Locale locale) {
		return change(() -> users.changeRoles(id, roleSet(roles)), "security.users.rolesChanged", redirect, locale);
	}

	@PostMapping("/{id}/enabled")
	String enabled(@PathVariable long id, @RequestParam boolean enabled, Principal principal, RedirectAttributes redirect,
			Locale locale) {
		return change(() -> users.setEnabled(id, enabled, principal.getName()),
				enabled ? "security.users.enabledDone" : "security.users.disabledDone", redirect, locale);
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam(required = false) String password, RedirectAttributes redirect,
			Locale locale) {
		try {
			Users.Reset reset = users.resetPassword(id, password);
			redirect.addFlashAttribute("notice", messages.getMessage("security.users.passwordReset", null, locale));
			if (reset.generated() != null) {
				redirect.addFlashAttribute("shownPassword", new ShownPassword(reset.username(), reset.generated()));
			}
		}
		catch (Users.Refused refused) {
			redirect.addFlashAttribute("error", text(refused, locale));
		}
		return "redirect:/admin/users";
	}

	private String change(Runnable change, String doneKey, RedirectAttributes redirect, Locale locale) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", messages.getMessage(doneKey, null, locale));
		}
		catch (Users.Refused refused) {
			redirect.addFlashAttribute("error", text(refused, locale));
		}
		return "redirect:/admin/users";
	}

	private String text(Users.Refused refused, Locale locale) {
		return messages.getMessage(refused.key(), refused.args(), locale);
	}

	private static Set<Role> roleSet(List<Role> roles) {
		return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}
}
