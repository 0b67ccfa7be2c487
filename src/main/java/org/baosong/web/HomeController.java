package org.baosong.web;

import org.baosong.mailbox.Mailboxes;
import org.baosong.registry.Registry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Registry registry;

	private final Mailboxes mailboxes;

	HomeController(Registry registry, Mailboxes mailboxes) {
		this.registry = registry;
		this.mailboxes = mailboxes;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("mailboxes", mailboxes.all());
		model.addAttribute("sequences", registry.sequences());
		model.addAttribute("unitCounts", registry.activeUnitsBySequence());
		return "home";
	}
}
