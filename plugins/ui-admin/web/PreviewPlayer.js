// PreviewPlayer: a small muted preview of the live channel, hls.js playing the admin's own
// /preview/live.m3u8 (a proxy of the API's /live.m3u8), so that it works wherever the admin works.

import Hls from 'hls.js';

const PLAYLIST = '/preview/live.m3u8';
const HLS_CONFIG = {
	liveSyncDurationCount: 2,
	maxBufferLength: 8,
	backBufferLength: 4,
	manifestLoadingMaxRetry: 4,
	levelLoadingMaxRetry: 6,
	fragLoadingMaxRetry: 6,
};

export class PreviewPlayer {
	constructor(video) {
		this.video = video;
		this.video.muted = true;
		this.hls = null;
		this.streamId = null;
		this.retryTimer = null;
	}

	// Plays the program while streamId is on air. A switch needs no reload: /live.m3u8 carries on
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

	load() {
		clearTimeout(this.retryTimer);
		this.destroy();
		if (Hls.isSupported()) {
			const hls = new Hls(HLS_CONFIG);
			hls.on(Hls.Events.ERROR, (event, data) => {
				if (hls !== this.hls || !data.fatal) return;
				if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
					hls.recoverMediaError();
					return;
				}
				this.destroy();
				this.retryTimer = setTimeout(() => { if (this.streamId !== null) this.load(); }, 2000);
			});
			hls.loadSource(PLAYLIST);
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
