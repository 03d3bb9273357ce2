// StatusPanel: shows the API's /stream_status (through /ui/status): the state as a badge (here and
// in the top bar), the channel, uptime, viewers, bit rate, reconnects, and the error as a sentence
// in the page's language (its code in data-code, the API's English sentence as the tooltip).

import { describeError } from './ErrorSentences.js';

const STATES = ['idle', 'starting', 'live', 'reconnecting', 'error'];

export function formatUptime(seconds) {
	if (typeof seconds !== 'number' || seconds < 0) return '–';
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = Math.floor(seconds % 60);
	const two = (n) => String(n).padStart(2, '0');
	return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function formatBitrate(kbps) {
	if (typeof kbps !== 'number' || kbps <= 0) return '–';
	return kbps >= 1000 ? `${(kbps / 1000).toFixed(1)} Mb/s` : `${Math.round(kbps)} kb/s`;
}

export class StatusPanel {
	constructor(t) {
		this.t = t;
		const element = (id) => document.getElementById(id);
		this.badges = [element('stateBadge'), element('topState')];
		this.badgeClasses = this.badges.map((badge) => badge.className.replace('text-bg-secondary', '').trim());
		this.idle = element('statusIdle');
		this.active = element('statusActive');
		this.channel = element('statusChannel');
		this.category = element('statusCategory');
		this.uptime = element('statUptime');
		this.viewers = element('statViewers');
		this.bitrate = element('statBitrate');
		this.reconnects = element('statReconnects');
		this.error = element('statusError');
		this.actionError = element('actionError');
	}

	show(status) {
		const state = STATES.includes(status.state) ? status.state : 'unknown';
		this.badges.forEach((badge, index) => {
			badge.textContent = this.t['state_' + state];
			badge.className = this.badgeClasses[index] + (state === 'idle' || state === 'unknown' ? ' text-bg-secondary' : ' state-' + state);
			badge.dataset.state = state;
		});
		this.idle.hidden = status.active;
		this.active.hidden = !status.active;
		if (!status.active) {
			this.error.hidden = true;
			return;
		}
		this.channel.textContent = status.name || '#' + status.stream_id;
		this.category.textContent = status.category_name || '';
		this.uptime.textContent = formatUptime(status.uptime_s);
		this.viewers.textContent = String(status.viewers ?? 0);
		this.bitrate.textContent = formatBitrate(status.bitrate_kbps);
		this.reconnects.textContent = String(status.reconnects ?? 0);
		const sentence = state === 'live' ? '' : describeError(status, this.t);
		this.error.textContent = sentence;
		this.error.hidden = !sentence;
		this.error.title = status.error || '';
		this.error.dataset.code = status.error_code || '';
	}

	showActionError(text) {
		this.actionError.textContent = text || '';
		this.actionError.hidden = !text;
	}
}
