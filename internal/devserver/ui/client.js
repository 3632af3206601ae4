// marque serve's page script: it reloads the page when a rebuild changed
// it, and makes the findings overlay dismissable. The server injects it
// into the HTML pages it serves, never into a build's output.
(() => {
	"use strict";
	const me = document.currentScript;
	const version = me.dataset.version;
	const path = me.dataset.path;

	const host = document.querySelector("marque-findings");
	if (host && !host.shadowRoot) {
		// A browser without declarative shadow DOM left the template inert.
		const t = host.querySelector("template");
		if (t) {
			host.attachShadow({ mode: "open" }).append(t.content);
			t.remove();
		}
	}
	const root = host && host.shadowRoot;
	const panel = root && root.querySelector(".panel");
	if (panel) {
		const reopen = root.querySelector(".reopen");
		const key = "marque-dismissed:" + path;
		const findings = host.dataset.findings;
		const show = (open, focus) => {
			panel.hidden = !open;
			reopen.hidden = open;
			try {
				// The same findings stay dismissed across reloads; new ones show.
				if (open) sessionStorage.removeItem(key);
				else sessionStorage.setItem(key, findings);
			} catch (e) {}
			if (focus) (open ? panel : reopen).focus({ preventScroll: true });
		};
		root.querySelector(".close").addEventListener("click", () => show(false, true));
		reopen.addEventListener("click", () => show(true, true));
		document.addEventListener("keydown", (e) => {
			if (e.key === "Escape" && !panel.hidden) {
				show(false, root.activeElement !== null);
			}
		});
		let dismissed = false;
		try {
			dismissed = sessionStorage.getItem(key) === findings;
		} catch (e) {}
		if (dismissed) show(false, false);
	}

	// Only visible pages hold a stream: a browser gives a host six
	// connections, and six hidden tabs must not starve the seventh.
	let events = null;
	const connect = () => {
		if (events || document.hidden) return;
		const url = "/_marque/events?path=" + encodeURIComponent(path) + "&v=" + encodeURIComponent(version);
		events = new EventSource(url);
		events.addEventListener("reload", () => {
			events.close();
			location.reload();
		});
	};
	const disconnect = () => {
		if (events) events.close();
		events = null;
	};
	document.addEventListener("visibilitychange", () => (document.hidden ? disconnect() : connect()));
	addEventListener("pagehide", disconnect);
	addEventListener("pageshow", connect);
	connect();
})();
