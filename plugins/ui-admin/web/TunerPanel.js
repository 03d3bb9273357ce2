// TunerPanel: where media centres find the tuner (the tuner port's base URL, which the page gets from
// the server as this browser reaches it) and which channels run now, as the API's /running_channels
// says: on air, started by the admin, or on demand for viewers, with their viewers and uptime.
// The paths are output-hdhr's own (README, "Media centres").

import { SharePanel } from './SharePanel.js';

export class TunerPanel {
	constructor(card, running, t) {
		this.running = running;
		this.t = t;
		const base = card.dataset.tunerUrl || '';
		if (!base) return;
		new SharePanel(card.querySelector('#tunerList'), null, t).showEntries([
			{ format: 'hdhr', url: base.replace(/^https?:\/\//, ''), mediaType: '' },
			{ format: 'm3u', url: base + '/playlist.m3u', mediaType: 'audio/x-mpegurl' },
			{ format: 'xmltv', url: base + '/epg.xml', mediaType: 'application/xml' },
		]);
	}

	// Shows the answer of /ui/running ({program, channels: [...]}).
	show(answer) {
		const channels = answer && Array.isArray(answer.channels) ? answer.channels : [];
		if (channels.length === 0) {
			const none = document.createElement('li');
			none.className = 'text-body-secondary';
			none.textContent = this.t.tunersNone;
			this.running.replaceChildren(none);
			return;
		}
		this.running.replaceChildren(...channels.map((channel) => this.row(channel)));
	}

	row(channel) {
		const row = document.createElement('li');
		row.dataset.streamId = String(channel.stream_id);
		const name = document.createElement('strong');
		name.textContent = String(channel.name || channel.stream_id);
		const why = channel.on_air ? this.t.tunerOnAir : channel.pinned ? this.t.tunerPinned : this.t.tunerOnDemand;
		const minutes = Math.floor(Number(channel.uptime_s || 0) / 60);
		const details = document.createElement('span');
		details.className = 'text-body-secondary';
		details.textContent = ` · ${why} · ${this.t.tunerViewers.replace('{n}', String(channel.viewers ?? 0))}`
			+ ` · ${this.t.tunerUptime.replace('{m}', String(minutes))}`;
		row.append(name, details);
		return row;
	}
}
