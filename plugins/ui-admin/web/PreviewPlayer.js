// PreviewPlayer: a small muted preview of the live channel, hls.js playing the admin's own
// /preview/live.ll.m3u8 (a proxy of the API's low-latency /live.ll.m3u8) in low-latency mode, so that
// it works wherever the admin works. It plays the TS playlist /preview/live.m3u8 instead where the
// low-latency one answers 404 (an API without that rendition) and where MSE is missing (native HLS).
// hls.js's settings are in hlsConfig.js.

import Hls from 'hls.js';
import { LOW_LATENCY, TS } from './hlsConfig.js';

const LOW_LATENCY_PLAYLIST = '/preview/live.ll.m3u8';
const PLAYLIST = '/preview/live.m3u8';
const RETRY_MS = 2000;

export class PreviewPlayer {
	constructor(video) {
		this.video = video;
		this.video.muted = true;
		this.hls = null;
		this.streamId = null;
		this.retryTimer = null;
	}

	// Plays the program while streamId is on air. A switch needs no reload: the playlists carry on
	// through it (a discontinuity), so the preview only starts when nothing played before.
	follow(streamId) {
		const playing = this.streamId !== null;
		this.streamId = streamId;
		if (!playing) this.load();
	}

	stop() {
		this.streamId = null;
		clearTimeout(this.retryTimer);
		this.destroy();
		this.video.removeAttribute('src');
		this.video.load();
	}

	// Starts again from the low-latency playlist, or with lowLatency false from the TS one.
	load(lowLatency = true) {
		clearTimeout(this.retryTimer);
		this.destroy();
		if (Hls.isSupported()) {
			const hls = new Hls(lowLatency ? LOW_LATENCY : TS);
			hls.on(Hls.Events.ERROR, (event, data) => {
				if (hls !== this.hls || !data.fatal) return;
				if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
					hls.recoverMediaError();
					return;
				}
				this.destroy();
				if (lowLatency && data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR && data.response && data.response.code === 404) {
					this.load(false);
					return;
				}
				this.retryTimer = setTimeout(() => { if (this.streamId !== null) this.load(); }, RETRY_MS);
			});
			hls.loadSource(lowLatency ? LOW_LATENCY_PLAYLIST : PLAYLIST);
			hls.attachMedia(this.video);
			this.hls = hls;
		} else if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
			this.video.src = PLAYLIST;
		}
		this.video.play().catch(() => {});
	}

	destroy() {
		if (this.hls) {
			this.hls.destroy();
			this.hls = null;
		}
	}
}
