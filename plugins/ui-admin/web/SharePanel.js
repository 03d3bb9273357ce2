// SharePanel: the URLs to give to viewers and media centres, as the API answers them in
// /stream_status: "player_url" (the web player) and "urls" ([{format, url, media_type}]: "hls"
// today, "ts" and "ll-hls" later), each with a copy button. The dashboard builds no URL itself: the
// API knows the ports and public addresses. The program's URLs do not change from one channel to
// the next, so an answer without them keeps the ones shown.

export class SharePanel {
	constructor(list, empty, t) {
		this.list = list;
		this.empty = empty;
		this.t = t;
		this.shown = '';
	}

	show(status) {
		const entries = [];
		if (typeof status.player_url === 'string' && status.player_url) entries.push({ format: 'player', url: status.player_url, mediaType: 'text/html' });
		for (const entry of Array.isArray(status.urls) ? status.urls : []) {
			if (entry && typeof entry.format === 'string' && typeof entry.url === 'string' && entry.url) {
				entries.push({ format: entry.format, url: entry.url, mediaType: String(entry.media_type || '') });
			}
		}
		this.showEntries(entries);
	}

	// Shows entries ([{format, url, mediaType}]) unless none.
	showEntries(entries) {
		if (entries.length === 0) return;
		const key = JSON.stringify(entries);
		if (key === this.shown) return; // keep the selection and the "Copied" of a row being used
		this.shown = key;
		this.list.replaceChildren(...entries.map((entry, index) => this.row(entry, index)));
		if (this.empty) this.empty.hidden = true;
	}

	label(entry) {
		const known = this.t['share_' + entry.format];
		if (known) return known;
		return entry.format.toUpperCase() + (entry.mediaType ? ` (${entry.mediaType})` : '');
	}

	row(entry, index) {
		const row = document.createElement('div');
		row.className = 'share-url mb-3';
		row.dataset.format = entry.format;
		const label = document.createElement('label');
		label.className = 'form-label small text-body-secondary';
		label.htmlFor = this.list.id + 'Url' + index;
		label.textContent = this.label(entry);
		const group = document.createElement('div');
		group.className = 'input-group';
		const input = document.createElement('input');
		input.className = 'form-control font-monospace small';
		input.id = this.list.id + 'Url' + index;
		input.readOnly = true;
		input.value = entry.url;
		const button = document.createElement('button');
		button.className = 'btn btn-outline-secondary copy';
		button.type = 'button';
		button.textContent = this.t.copy;
		button.addEventListener('click', () => this.copy(input, button));
		group.append(input, button);
		row.append(label, group);
		return row;
	}

	async copy(input, button) {
		let copied = false;
		try {
			if (navigator.clipboard && window.isSecureContext) {
				await navigator.clipboard.writeText(input.value);
				copied = true;
			}
		} catch (error) {
			copied = false;
		}
		if (!copied) {
			input.focus();
			input.select();
			try {
				copied = document.execCommand('copy');
			} catch (error) {
				copied = false;
			}
		}
		if (copied) {
			button.textContent = this.t.copied;
			setTimeout(() => { button.textContent = this.t.copy; }, 1500);
		}
	}
}
