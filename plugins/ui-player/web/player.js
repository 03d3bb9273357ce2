// The public player page: finds the active stream through GET /stream_status and plays
// the LL-HLS /live.ll.m3u8 (or /live.m3u8 with native HLS, or where the API serves no LL-HLS) as soon as the state is "live"; follows a channel switch and a stop without
// reloading the page. Everything the page shows comes from the server-rendered strings.

import { PlayerController } from './PlayerController.js';
import { StatusPoller } from './StatusPoller.js';

const WAITING_POLL_MS = 1000;
const PLAYING_POLL_MS = 2000;

function start() {
	const apiBase = document.querySelector('meta[name="restream-api"]').content.replace(/\/+$/, '');
	const texts = document.body.dataset;
	const element = (id) => document.getElementById(id);
	const video = element('video');
	const message = element('message');
	const notice = element('notice');
	const bar = element('bar');
	const channel = element('channel');
	const unmute = element('unmute');
	const tap = element('tap');

	const view = {
		userUnmuted: false,
		idle(text) {
			bar.hidden = true;
			notice.hidden = true;
			unmute.hidden = true;
			tap.hidden = true;
			message.textContent = text;
			message.hidden = false;
			video.classList.add('waiting');
			document.title = texts.title;
		},
		live(name) {
			if (!message.hidden) message.textContent = texts.starting;
			channel.textContent = name || '';
			bar.hidden = false;
			document.title = name ? name + ' · ' + texts.title : texts.title;
		},
		playing() {
			message.hidden = true;
			notice.hidden = true;
			tap.hidden = true;
			video.classList.remove('waiting');
			unmute.hidden = !video.muted;
		},
		reconnecting() {
			if (!message.hidden) return;
			this.notice(texts.reconnecting);
		},
		notice(text) {
			notice.textContent = text;
			notice.hidden = false;
		},
		needsTap() {
			notice.hidden = true;
			message.hidden = true;
			tap.hidden = false;
		},
		muted(isMuted) {
			unmute.hidden = !isMuted || video.classList.contains('waiting');
		},
	};

	const player = new PlayerController(video, view, apiBase + '/live.m3u8', apiBase + '/live.ll.m3u8');
	unmute.addEventListener('click', () => {
		view.userUnmuted = true;
		player.unmute();
	});
	tap.addEventListener('click', () => {
		tap.hidden = true;
		player.resume();
	});

	let poller = null;
	let lastState = null;
	const onStatus = (status) => {
		const becameLive = status.state === 'live' && lastState !== 'live';
		lastState = status.active ? status.state : null;
		if (!status.active) {
			if (player.playing) player.stop();
			view.idle(texts.noStream);
			poller.setInterval(WAITING_POLL_MS);
			return;
		}
		if (status.state === 'live' || player.playing) {
			view.live(status.name);
			player.follow(status.stream_id);
			if (becameLive) player.retryNow();
			if (status.state !== 'live') view.reconnecting();
			poller.setInterval(PLAYING_POLL_MS);
		} else {
			view.idle(status.state === 'error' ? texts.unavailable : texts.starting);
			poller.setInterval(WAITING_POLL_MS);
		}
	};
	const onUnreachable = () => {
		if (!player.playing) view.idle(texts.unreachable);
		poller.setInterval(WAITING_POLL_MS * 2);
	};
	poller = new StatusPoller(apiBase + '/stream_status', onStatus, onUnreachable);
	view.idle(texts.noStream);
	poller.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
