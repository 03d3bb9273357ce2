// PlayerController: plays the API's low-latency /live.ll.m3u8 in a <video> with hls.js, or its
// /live.m3u8 with the browser's own HLS where MSE is missing (iOS Safari), follows the active
// stream as the API reports it, and recovers by itself.
//
// hls.js's settings are in hlsConfig.js.
// Where the low-latency playlist answers 404 (plugins.output-hls.lowLatency off, or an older
// restream), hls.js plays /live.m3u8 at once, with its normal live settings, until the stream
// stops; the next start tries the low-latency playlist again.
// A fatal network error reloads the source with backoff (1, 2, 4 ... 15 s); a fatal media error
// first tries hls.js's recoverMediaError(), then swapAudioCodec(), then a reload.

import Hls from 'hls.js';
import { LOW_LATENCY_CONFIG, TS_CONFIG } from './hlsConfig.js';

const STALL_SECONDS = 8;
const MAX_BACKOFF_MS = 15000;

export class PlayerController {
	// playlistUrl: the TS playlist, for native HLS; lowLatencyUrl: the LL-HLS one, for hls.js.
	constructor(video, view, playlistUrl, lowLatencyUrl) {
		this.video = video;
		this.view = view;
		this.playlistUrl = playlistUrl;
		this.lowLatencyUrl = lowLatencyUrl;
		this.hls = null;
		this.lowLatency = true; // false once /live.ll.m3u8 answered 404 in this run of the stream
		this.streamId = null;
		this.backoffMs = 1000;
		this.retryTimer = null;
		this.lastMediaRecovery = 0;
		this.lastProgressAt = 0;
		this.lastTime = 0;
		this.blocked = false; // the browser refused to start playback without a gesture
		this.video.addEventListener('timeupdate', () => this.progressed());
		this.video.addEventListener('playing', () => this.view.playing());
		this.video.addEventListener('volumechange', () => this.view.muted(this.video.muted));
		this.video.addEventListener('error', () => { if (!this.hls && this.streamId !== null) this.retry(); });
		setInterval(() => this.watch(), 1000);
	}

	get playing() {
		return this.streamId !== null;
	}

	// Plays the program while streamId (the API's primary channel) is on air. A switch needs no
	// reload: the playlists carry on through it (a discontinuity hls.js follows), so the source is
	// loaded only when nothing played before.
	follow(streamId) {
		const playing = this.streamId !== null;
		this.streamId = streamId;
		if (playing) return;
		this.lowLatency = true;
		this.backoffMs = 1000;
		this.load();
	}

	stop() {
		this.streamId = null;
		this.cancelRetry();
		this.destroy();
		this.video.removeAttribute('src');
		this.video.load();
	}

	unmute() {
		this.video.muted = false;
		this.video.volume = 1;
		this.play();
	}

	// After the viewer's tap: playback is allowed now.
	resume() {
		this.blocked = false;
		this.lastProgressAt = Date.now();
		this.play();
	}

	// The API says the stream is live again: a retry waiting out its backoff happens now.
	retryNow() {
		if (this.retryTimer === null || this.streamId === null) return;
		this.backoffMs = 1000;
		this.load();
	}

	// Some browsers refuse even muted autoplay (iOS Low Power Mode, "block all autoplay"):
	// then the viewer is asked to tap, and the stall watchdog waits for that tap.
	play() {
		this.video.play().catch((error) => {
			if (error && error.name === 'NotAllowedError') {
				this.blocked = true;
				this.view.needsTap();
			}
		});
	}

	load() {
		this.cancelRetry();
		this.destroy();
		this.lastProgressAt = Date.now();
		this.video.muted = this.video.muted || !this.view.userUnmuted;
		if (Hls.isSupported()) {
			const hls = new Hls(this.lowLatency ? LOW_LATENCY_CONFIG : TS_CONFIG);
			hls.on(Hls.Events.ERROR, (event, data) => this.onError(hls, data));
			hls.on(Hls.Events.FRAG_BUFFERED, () => { if (hls === this.hls) this.backoffMs = 1000; });
			hls.loadSource(this.lowLatency ? this.lowLatencyUrl : this.playlistUrl);
			hls.attachMedia(this.video);
			this.hls = hls;
		} else if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
			this.video.src = this.playlistUrl;
		} else {
			this.view.notice('HLS is not supported by this browser');
			return;
		}
		this.play();
	}

	destroy() {
		if (this.hls) {
			this.hls.destroy();
			this.hls = null;
		}
	}

	onError(hls, data) {
		if (hls !== this.hls || !data.fatal) return;
		if (this.lowLatency && data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR && data.response && data.response.code === 404) {
			this.lowLatency = false;
			this.load();
			return;
		}
		if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
			const now = Date.now();
			if (now - this.lastMediaRecovery > 5000) {
				this.lastMediaRecovery = now;
				hls.recoverMediaError();
				return;
			}
			if (now - this.lastMediaRecovery > 1000) {
				this.lastMediaRecovery = now;
				hls.swapAudioCodec();
				hls.recoverMediaError();
				return;
			}
		}
		this.retry();
	}

	retry() {
		this.view.reconnecting();
		this.destroy();
		this.cancelRetry();
		this.retryTimer = setTimeout(() => {
			this.retryTimer = null;
			if (this.streamId !== null) this.load();
		}, this.backoffMs);
		this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
	}

	cancelRetry() {
		clearTimeout(this.retryTimer);
		this.retryTimer = null;
	}

	progressed() {
		// A paused video moves too: hls.js seeks it to the live edge. Only playback counts.
		if (!this.video.paused && this.video.currentTime !== this.lastTime) {
			this.lastTime = this.video.currentTime;
			this.lastProgressAt = Date.now();
			this.view.playing();
		}
	}

	// A stream that plays but no longer advances (the source came back with a gap hls.js does
	// not cross, a segment that never arrives) is reloaded, as a viewer would press reload.
	watch() {
		if (this.streamId === null || this.retryTimer !== null || this.blocked) return;
		const stalledMs = Date.now() - this.lastProgressAt;
		if (stalledMs > 2000) this.view.reconnecting();
		if (stalledMs > STALL_SECONDS * 1000) {
			this.lastProgressAt = Date.now();
			this.retry();
		}
	}
}
